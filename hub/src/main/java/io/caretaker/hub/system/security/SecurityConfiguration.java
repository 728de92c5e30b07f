package io.caretaker.hub.system.security;

import static io.caretaker.hub.system.security.Role.ADMIN;
import static io.caretaker.hub.system.security.Role.ENGINEER;

import io.caretaker.hub.workorders.Transition;
import java.time.Clock;
import java.util.Arrays;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may do what. Everything but the login page, static files and the health check needs a logged-in user: the
 * console by its session (form login, CSRF token on every form), API clients by HTTP Basic sent with each request.
 * Actions are allowed by role, the same for an API path and the console form that does the same thing:
 * operators acknowledge and shelve alarms but close no work order; dispatchers run the work-order procedure but
 * shelve no alarm; engineers write points and start and complete repairs; administrators do everything.
 */
@Configuration
class SecurityConfiguration {

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    @Bean
    PasswordEncoder passwordEncoder(SecurityProperties properties, Clock clock) {
        return new RememberedPasswords(PasswordEncoderFactories.createDelegatingPasswordEncoder(), properties.rememberVerifiedPasswords(), clock);
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> {
            auth.requestMatchers("/login", "/webjars/**", "/console/static/**", "/error", "/favicon.ico").permitAll();
            auth.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll();
            auth.requestMatchers("/actuator/**", "/console/users/**", "/api/users/**", "/api/webhooks/**").hasRole(ADMIN.name());
            // alarms: the control room acknowledges and shelves, engineers take alarms out of service
            allow(auth, posts("/alarms/*/out-of-service", "/alarms/*/return-to-service"), Permissions.ALARM_SERVICE);
            allow(auth, posts("/alarms/**"), Permissions.HANDLE_ALARMS);
            // work orders: anyone takes a repair request; the service desk runs the procedure; engineers do the work
            allow(auth, posts("/workorders"), Permissions.REQUEST_REPAIRS);
            for (Transition transition : Transition.values()) {
                allow(auth, posts("/workorders/*/" + transition.pathName()), Permissions.mayApply(transition));
            }
            allow(auth, posts("/devices/*/points/*/write"), Permissions.WRITE_POINTS);
            // any other change through the API (demo controls, future settings) is for engineers and administrators
            auth.requestMatchers(PATHS.matcher(HttpMethod.POST, "/api/**")).hasAnyRole(ENGINEER.name(), ADMIN.name());
            auth.requestMatchers(PATHS.matcher(HttpMethod.PUT, "/api/**")).hasAnyRole(ENGINEER.name(), ADMIN.name());
            auth.requestMatchers(PATHS.matcher(HttpMethod.DELETE, "/api/**")).hasAnyRole(ENGINEER.name(), ADMIN.name());
            auth.anyRequest().authenticated();
        });
        http.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/console", false).permitAll());
        http.logout(logout -> logout.logoutSuccessUrl("/login?logout"));
        http.httpBasic(basic -> basic.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)));
        // API clients get 401, not a login page; no Basic challenge, so a browser never caches Basic credentials,
        // which is what makes it safe to skip the CSRF token for requests that carry their own credentials
        http.exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                PATHS.matcher("/api/**")));
        http.csrf(csrf -> csrf.ignoringRequestMatchers(SecurityConfiguration::carriesBasicCredentials));
        return http.build();
    }

    private static boolean carriesBasicCredentials(jakarta.servlet.http.HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
    }

    /** POSTs to these paths under both /api and /console: a console form and its API call are allowed alike. */
    private static RequestMatcher[] posts(String... paths) {
        return Arrays.stream(paths)
                .flatMap(p -> java.util.stream.Stream.of("/api" + p, "/console" + p))
                .map(p -> PATHS.matcher(HttpMethod.POST, p))
                .toArray(RequestMatcher[]::new);
    }

    private static void allow(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth,
                              RequestMatcher[] matchers, Set<Role> roles) {
        auth.requestMatchers(matchers).hasAnyRole(roles.stream().map(Role::name).toArray(String[]::new));
    }
}
