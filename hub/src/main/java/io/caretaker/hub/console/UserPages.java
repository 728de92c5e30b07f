package io.caretaker.hub.console;

import io.caretaker.hub.system.security.ConsoleUsers;
import io.caretaker.hub.system.security.Role;
import io.caretaker.hub.system.security.UserRefusedException;
import java.security.Principal;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators add users with a role, set their passwords and disable them ({@code /console/users}). */
@Controller
class UserPages {

    private final ConsoleUsers users;
    private final PasswordEncoder encoder;
    private final MessageSource messages;

    UserPages(ConsoleUsers users, PasswordEncoder encoder, MessageSource messages) {
        this.users = users;
        this.encoder = encoder;
        this.messages = messages;
    }

    @GetMapping("/console/users")
    String page(Model model) {
        model.addAttribute("users", users.all());
        model.addAttribute("roles", Role.values());
        return "users";
    }

    @PostMapping("/console/users")
    String create(@RequestParam String username, @RequestParam String password, @RequestParam Role role, RedirectAttributes redirect) {
        if (tooShort(password, redirect)) {
            return "redirect:/console/users";
        }
        try {
            users.create(username, encoder.encode(password), role);
            redirect.addFlashAttribute("done", username);
        } catch (UserRefusedException e) {
            redirect.addFlashAttribute("problem", text("users.refused." + e.why(), e.username()));
        }
        return "redirect:/console/users";
    }

    /** An administrator sets a user's new password, their own included (e.g. after the generated first one). */
    @PostMapping("/console/users/{username}/password")
    String password(@PathVariable String username, @RequestParam String password, RedirectAttributes redirect) {
        if (tooShort(password, redirect)) {
            return "redirect:/console/users";
        }
        try {
            users.setPasswordHash(username, encoder.encode(password));
            redirect.addFlashAttribute("passwordSet", username);
        } catch (UserRefusedException e) {
            redirect.addFlashAttribute("problem", text("users.refused." + e.why(), e.username()));
        }
        return "redirect:/console/users";
    }

    private boolean tooShort(String password, RedirectAttributes redirect) {
        if (password == null || password.length() < ConsoleUsers.MIN_PASSWORD_LENGTH) {
            redirect.addFlashAttribute("problem", text("users.tooShort", ConsoleUsers.MIN_PASSWORD_LENGTH));
            return true;
        }
        return false;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    @PostMapping("/console/users/{username}/enabled")
    String enable(@PathVariable String username, @RequestParam boolean enabled, Principal me, RedirectAttributes redirect) {
        if (!enabled && username.equals(me.getName())) {
            redirect.addFlashAttribute("problem", text("users.notYourself"));
            return "redirect:/console/users";
        }
        users.setEnabled(username, enabled);
        return "redirect:/console/users";
    }
}
