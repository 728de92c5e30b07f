package io.caretaker.hub.console;

import io.caretaker.hub.system.security.Role;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page, and each role's start page after it. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping({"/", "/console"})
    String start(Authentication user) {
        if (has(user, Role.DISPATCHER)) {
            return "redirect:/console/workorders";
        }
        if (has(user, Role.ENGINEER)) {
            return "redirect:/console/equipment";
        }
        return "redirect:/console/alarms";
    }

    static boolean has(Authentication user, Role role) {
        return user != null && user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(role.authority()));
    }
}
