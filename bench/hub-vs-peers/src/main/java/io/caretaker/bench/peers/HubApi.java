package io.caretaker.bench.peers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * The running hub's HTTP API as the benchmark reads it: telemetry counters from the actuator and active alarms.
 * Requests carry HTTP Basic credentials (the first admin, whose password the benchmark gives the hub through
 * {@code CARETAKER_ADMIN_PASSWORD}), which a hub without authentication ignores.
 */
final class HubApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;
    private final String authorization;

    HubApi(int port, String user, String password) {
        this.base = "http://127.0.0.1:" + port;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", authorization).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return JSON.readTree(response.body());
    }

    /** A counter's value summed over its tags ({@code caretaker.telemetry.written}, ...); 0 before it exists. */
    double counter(String name) throws IOException, InterruptedException {
        try {
            JsonNode node = get("/actuator/metrics/" + name);
            for (JsonNode m : node.path("measurements")) {
                if ("COUNT".equals(m.path("statistic").asText())) {
                    return m.path("value").asDouble();
                }
            }
            return 0;
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().contains("answered 404")) {
                return 0;
            }
            throw e;
        }
    }

    /** Alarms active and unacknowledged now. */
    JsonNode activeAlarms() throws IOException, InterruptedException {
        return get("/api/alarms?state=ACTIVE_UNACKED");
    }
}
