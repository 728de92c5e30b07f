package io.caretaker.hub;

import org.springframework.web.client.RestClient;

/**
 * The one way tests reach a running hub's HTTP API, so that whatever an API client needs (authentication, for
 * one) is added here once rather than in every test.
 */
public final class TestApi {

    private TestApi() {
    }

    public static RestClient client(int port) {
        return RestClient.builder().baseUrl("http://127.0.0.1:" + port).build();
    }
}
