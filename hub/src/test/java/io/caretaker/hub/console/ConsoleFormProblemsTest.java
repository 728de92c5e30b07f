package io.caretaker.hub.console;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.caretaker.hub.system.problems.RequestProblems;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** A console form post that cannot be read (only a hand-made one can be) is refused naming the value, as the APIs do. */
class ConsoleFormProblemsTest {

    // the refusal comes while the request is read, before the page would touch the users
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new UserPages(null, null, null)).setControllerAdvice(new RequestProblems()).build();

    @Test
    void aRoleThatIsNotOneIsNamedWithTheRoles() throws Exception {
        mvc.perform(post("/console/users").param("username", "li.wei").param("password", "a-long-enough-password").param("role", "BOGUS"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Bad request"))
                .andExpect(jsonPath("$.detail").value("parameter 'role' is 'BOGUS', not one of OPERATOR, ENGINEER, DISPATCHER, ADMIN"));
    }
}
