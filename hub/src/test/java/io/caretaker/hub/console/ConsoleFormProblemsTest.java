package io.caretaker.hub.console;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import io.caretaker.hub.system.problems.RequestProblems;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** A console form post that cannot be read (only a hand-made one can be) is refused on a page naming the value, as the APIs do. */
class ConsoleFormProblemsTest {

    // the refusal comes while the request is read, before the page would touch the users
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new UserPages(null, null, null))
            .setControllerAdvice(new ConsoleProblems(messages()), new RequestProblems()).build();

    @Test
    void aRoleThatIsNotOneIsNamedWithTheRoles() throws Exception {
        mvc.perform(post("/console/users").param("username", "li.wei").param("password", "a-long-enough-password").param("role", "BOGUS"))
                .andExpect(status().isBadRequest())
                .andExpect(view().name("error"))
                .andExpect(model().attribute("status", 400))
                .andExpect(model().attribute("problem", "parameter 'role' is 'BOGUS', not one of OPERATOR, ENGINEER, DISPATCHER, ADMIN"));
    }

    private static MessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
