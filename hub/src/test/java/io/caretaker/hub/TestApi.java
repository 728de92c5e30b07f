package io.caretaker.hub;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.springframework.web.client.RestClient;

/**
 * The one way tests reach a running hub's HTTP API, so that whatever an API client needs (authentication, for
 * one) is added here once rather than in every test. It logs in with HTTP Basic as the first administrator, whose
 * password the tests' {@code application.properties} sets.
 */
public final class TestApi {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = testProperty("caretaker.security.admin-password");

    private TestApi() {
    }

    public static RestClient client(int port) {
        return client(port, ADMIN, ADMIN_PASSWORD);
    }

    /** A client that logs in as someone else, e.g. to show that an operator may not close a work order. */
    public static RestClient client(int port, String username, String password) {
        return RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultHeaders(headers -> headers.setBasicAuth(username, password))
                .build();
    }

    private static String testProperty(String name) {
        try (InputStream in = TestApi.class.getResourceAsStream("/application.properties")) {
            if (in == null) {
                throw new IllegalStateException("hub/src/test/resources/application.properties is missing; it sets " + name);
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
