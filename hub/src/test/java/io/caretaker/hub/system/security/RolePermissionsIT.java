package io.caretaker.hub.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.caretaker.hub.TestApi;
import io.caretaker.hub.workorders.RepairRequest;
import io.caretaker.hub.workorders.WorkOrderService;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * Each role's forbidden action is refused with 403 by a running hub, over HTTP, while the same request by a role
 * that may do it gets through to the work-order rules; the API needs credentials; console forms need the CSRF token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// closed after this class, not at JVM exit: no other IT reuses it, and all of them closing at exit took over failsafe's 30 s
@DirtiesContext
class RolePermissionsIT {

    private static final String PASSWORD = "role-test-password";

    @TempDir
    static Path dir;

    @DynamicPropertySource
    static void site(DynamicPropertyRegistry registry) throws IOException {
        Path site = dir.resolve("site.yaml");
        // one device behind a port nothing listens on: its connector keeps retrying, the hub runs
        Files.writeString(site, """
                formatVersion: 1
                site: {id: roles, name: Role test site, timeZone: Asia/Shanghai}
                devices:
                  - id: meter-1
                    profile: energy-meter-sdm630
                    building: Office Tower
                    connection: {protocol: modbus, host: 127.0.0.1, port: 1, unitId: 1, pollInterval: 60s}
                """);
        registry.add("caretaker.site.file", () -> "file:" + site);
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:roles-it;DB_CLOSE_DELAY=-1");
    }

    @LocalServerPort
    int port;

    @Autowired
    ConsoleUsers users;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    WorkOrderService workOrders;

    long workOrder;

    @BeforeEach
    void usersAndWork() {
        for (Role role : Role.values()) {
            String name = role.name().toLowerCase();
            if (users.find(name).isEmpty()) {
                users.create(name, encoder.encode(PASSWORD), role);
            }
        }
        workOrder = workOrders.openRequest(new RepairRequest("Lamp out", null, "Office Tower", "1", "Lobby", "Ms Li", null, null,
                false, null, "desk")).id();
    }

    @Test
    void aDisabledUserIsRefusedAtOnceThoughItsPasswordWasJustVerified() {
        if (users.find("night-shift").isEmpty()) {
            users.create("night-shift", encoder.encode(PASSWORD), Role.OPERATOR);
        }
        assertThat(get("night-shift", "/api/alarms")).isEqualTo(200);
        assertThat(get("night-shift", "/api/alarms")).isEqualTo(200); // the password is remembered now

        users.setEnabled("night-shift", false);
        assertThat(get("night-shift", "/api/alarms")).isEqualTo(401);
        users.setEnabled("night-shift", true);
        assertThat(get("night-shift", "/api/alarms")).isEqualTo(200);
        assertThat(status(TestApi.client(port, "night-shift", "not-" + PASSWORD).get().uri("/api/alarms"))).isEqualTo(401);
    }

    @Test
    void operatorsCannotCloseWorkOrders() {
        assertThat(post("operator", "/api/workorders/" + workOrder + "/close", "{\"actor\":\"op\"}")).isEqualTo(403);
        assertThat(post("operator", "/api/workorders/" + workOrder + "/dispatch", "{\"actor\":\"op\",\"trade\":\"HVAC\"}")).isEqualTo(403);
        // the service desk may: the request reaches the work-order rules, which refuse closing an OPEN work order
        assertThat(post("dispatcher", "/api/workorders/" + workOrder + "/close", "{\"actor\":\"desk\"}")).isEqualTo(409);
        // operators take repair calls
        assertThat(post("operator", "/api/workorders", """
                {"title":"Door stuck","building":"Office Tower","contactName":"Mr Zhang","actor":"op"}""")).isEqualTo(201);
    }

    @Test
    void dispatchersCannotShelveAlarms() {
        assertThat(post("dispatcher", "/api/alarms/1/shelve", "{\"reason\":\"noisy\",\"minutes\":30}")).isEqualTo(403);
        assertThat(post("dispatcher", "/api/alarms/1/ack", "{}")).isEqualTo(403);
        // an operator passes security: whatever the alarms API answers, it is not a refusal by role
        assertThat(post("operator", "/api/alarms/1/shelve", "{\"reason\":\"noisy\",\"minutes\":30}")).isNotIn(401, 403);
    }

    @Test
    void engineersCannotCloseWorkOrdersNorManageUsers() {
        assertThat(post("engineer", "/api/workorders/" + workOrder + "/close", "{\"actor\":\"eng\"}")).isEqualTo(403);
        assertThat(post("engineer", "/console/users", null)).isEqualTo(403);
        assertThat(get("engineer", "/console/users")).isEqualTo(403);
        // engineers do the repair: start is theirs (refused by the rules here only because it is not dispatched yet)
        assertThat(post("engineer", "/api/workorders/" + workOrder + "/start", "{\"actor\":\"eng\"}")).isEqualTo(409);
    }

    @Test
    void dispatchersAndOperatorsCannotWritePoints() {
        // a point the device does not have: whoever passes security is told so (404) by the point writer
        String write = "/api/devices/meter-1/points/no_such_point/write";
        assertThat(post("dispatcher", write, "{\"value\":1}")).isEqualTo(403);
        assertThat(post("operator", write, "{\"value\":1}")).isEqualTo(403);
        assertThat(post("engineer", write, "{\"value\":1}")).isEqualTo(404);
    }

    @Test
    void onlyAdministratorsSeeAndRetryWebhookDeliveries() {
        for (String user : List.of("operator", "engineer", "dispatcher")) {
            assertThat(get(user, "/api/webhooks/deliveries")).isEqualTo(403);
            assertThat(post(user, "/api/webhooks/deliveries/1/retry", null)).isEqualTo(403);
        }
        assertThat(get("admin", "/api/webhooks/deliveries?status=FAILED")).isEqualTo(200);
        assertThat(get("admin", "/api/webhooks/deliveries?status=LOST")).isEqualTo(400);
        assertThat(post("admin", "/api/webhooks/deliveries/999999/retry", null)).isEqualTo(404);
    }

    @Test
    void administratorsMayDoAllOfIt() {
        assertThat(get("admin", "/console/users")).isEqualTo(200);
        assertThat(post("admin", "/api/workorders/" + workOrder + "/dispatch", "{\"actor\":\"boss\",\"trade\":\"ELECTRICAL\"}")).isEqualTo(200);
        assertThat(post("admin", "/api/alarms/1/shelve", "{\"reason\":\"noisy\",\"minutes\":30}")).isNotIn(401, 403);
    }

    @Test
    void theApiNeedsCredentials() {
        RestClient anonymous = RestClient.builder().baseUrl("http://127.0.0.1:" + port).build();
        assertThat(status(anonymous.get().uri("/api/alarms"))).isEqualTo(401);
        assertThat(status(TestApi.client(port, "operator", "wrong-password").get().uri("/api/alarms"))).isEqualTo(401);
        assertThat(status(TestApi.client(port).get().uri("/api/alarms"))).isEqualTo(200);
        assertThat(get("dispatcher", "/api/alarms")).isEqualTo(200);
        assertThat(status(anonymous.get().uri("/actuator/health"))).isEqualTo(200);
    }

    @Test
    void theLoginPageSpeaksTheBrowsersLanguage() throws Exception {
        HttpClient browser = HttpClient.newHttpClient();
        String chinese = browser.send(HttpRequest.newBuilder(uri("/login")).header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5").build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(chinese).contains("<html lang=\"zh\"", "用户名", "登录");
        String english = browser.send(HttpRequest.newBuilder(uri("/login")).header("Accept-Language", "en-GB").build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(english).contains("<html lang=\"en\"", "User name");
        // a language the console does not speak gets English, not missing texts
        String french = browser.send(HttpRequest.newBuilder(uri("/login?lang=fr")).header("Accept-Language", "fr-FR").build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(french).contains("User name").doesNotContain("??");
    }

    @Test
    void consoleFormsNeedTheCsrfToken() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String loginPage = browser.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        HttpResponse<String> login = browser.send(form("/login", Map.of("username", "dispatcher", "password", PASSWORD,
                "_csrf", csrf(loginPage))), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/console"));

        String page = browser.send(HttpRequest.newBuilder(uri("/console/workorders/" + workOrder)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Map<String, String> dispatch = Map.of("trade", "PLUMBING");
        assertThat(browser.send(form("/console/workorders/" + workOrder + "/dispatch", dispatch), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(403);
        HttpResponse<String> withToken = browser.send(form("/console/workorders/" + workOrder + "/dispatch",
                Map.of("trade", "PLUMBING", "_csrf", csrf(page))), HttpResponse.BodyHandlers.ofString());
        assertThat(withToken.statusCode()).isEqualTo(302);
        var dispatched = workOrders.find(workOrder).orElseThrow();
        assertThat(dispatched.status().name()).isEqualTo("DISPATCHED");
        assertThat(workOrders.history(workOrder)).anySatisfy(e -> assertThat(e.actor()).isEqualTo("dispatcher"));
    }

    @Test
    void anAdministratorSetsAUsersNewPasswordAndTheOldOneStopsWorkingAtOnce() throws Exception {
        if (users.find("shift-b").isEmpty()) {
            users.create("shift-b", encoder.encode(PASSWORD), Role.OPERATOR);
        }
        assertThat(get("shift-b", "/api/alarms")).isEqualTo(200);
        assertThat(get("shift-b", "/api/alarms")).isEqualTo(200); // the password is remembered now

        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String loginPage = browser.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        browser.send(form("/login", Map.of("username", "admin", "password", TestApi.ADMIN_PASSWORD, "_csrf", csrf(loginPage))),
                HttpResponse.BodyHandlers.ofString());
        String page = browser.send(HttpRequest.newBuilder(uri("/console/users?lang=en")).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains("id=\"password-shift-b\"");

        // too short: refused, the old password still works
        browser.send(form("/console/users/shift-b/password", Map.of("password", "short", "_csrf", csrf(page))), HttpResponse.BodyHandlers.ofString());
        assertThat(browser.send(HttpRequest.newBuilder(uri("/console/users")).build(), HttpResponse.BodyHandlers.ofString()).body())
                .contains("The password needs at least 12 characters.");
        assertThat(get("shift-b", "/api/alarms")).isEqualTo(200);

        HttpResponse<String> set = browser.send(form("/console/users/shift-b/password",
                Map.of("password", "a-new-shift-password", "_csrf", csrf(page))), HttpResponse.BodyHandlers.ofString());
        assertThat(set.statusCode()).isEqualTo(302);
        assertThat(browser.send(HttpRequest.newBuilder(uri("/console/users")).build(), HttpResponse.BodyHandlers.ofString()).body())
                .contains("The password of shift-b is changed.");
        assertThat(get("shift-b", "/api/alarms")).isEqualTo(401);
        assertThat(status(TestApi.client(port, "shift-b", "a-new-shift-password").get().uri("/api/alarms"))).isEqualTo(200);
        // only administrators
        assertThat(post("engineer", "/console/users/shift-b/password", null)).isEqualTo(403);

        // a name already taken, or not plain, is refused in the reader's language
        browser.send(form("/console/users?lang=zh", Map.of("username", "shift-b", "password", "another-long-password", "role", "OPERATOR",
                "_csrf", csrf(page))), HttpResponse.BodyHandlers.ofString());
        assertThat(browser.send(HttpRequest.newBuilder(uri("/console/users")).build(), HttpResponse.BodyHandlers.ofString()).body())
                .contains("已有用户 shift-b，请换一个用户名。");
        browser.send(form("/console/users?lang=en", Map.of("username", "shift b", "password", "another-long-password", "role", "OPERATOR",
                "_csrf", csrf(page))), HttpResponse.BodyHandlers.ofString());
        assertThat(browser.send(HttpRequest.newBuilder(uri("/console/users")).build(), HttpResponse.BodyHandlers.ofString()).body())
                .contains("The user name &quot;shift b&quot; cannot be used");
    }

    @Test
    void aLinkToSomethingThatIsNotThereGetsAConsolePageInTheReadersLanguage() {
        // a stale link in a chat message: a page with the console around it, not the API's JSON
        var workOrder = page("/console/workorders/99999?lang=zh");
        assertThat(workOrder.status()).isEqualTo(404);
        assertThat(workOrder.body()).contains("<h1>找不到</h1>", "没有编号为 99999 的工单", "中控室");
        var device = page("/console/equipment/no-such-device?lang=en");
        assertThat(device.status()).isEqualTo(404);
        assertThat(device.body()).contains("There is no device &quot;no-such-device&quot; on this site", "Control room");
        var alarm = page("/console/alarms/abc?lang=en");
        assertThat(alarm.status()).isEqualTo(404);
        assertThat(alarm.body()).contains("The address is not right: &quot;abc&quot; is not what this page takes.");
        // a page for another role, opened by a shared link: the console says so, in the browser's language
        Page forbidden = TestApi.client(port, "operator", PASSWORD).get().uri("/console/users")
                .header("Accept", "text/html").header("Accept-Language", "zh-CN,zh;q=0.9")
                .exchange((req, response) -> new Page(response.getStatusCode().value(), new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.body()).contains("<h1>无权访问</h1>", "此页面供其他角色使用", "返回控制台").doesNotContain("Whitelabel");
        // an address that is no page at all
        Page nowhere = TestApi.client(port).get().uri("/console/no-such-page?lang=en").header("Accept", "text/html")
                .exchange((req, response) -> new Page(response.getStatusCode().value(), new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
        assertThat(nowhere.status()).isEqualTo(404);
        assertThat(nowhere.body()).contains("There is no such page. The link may be mistyped.", "Control room");
        // the API keeps its problem details
        String noApi = TestApi.client(port).get().uri("/api/no-such-thing").exchange((req, response) ->
                response.getHeaders().getContentType() + " " + new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8));
        assertThat(noApi).startsWith("application/problem+json ").contains("\"status\":404", "No static resource api/no-such-thing.",
                "\"instance\":\"/api/no-such-thing\"");
        MediaType api = TestApi.client(port).get().uri("/api/alarms/abc").exchange((req, response) -> response.getHeaders().getContentType());
        assertThat(api).hasToString("application/problem+json");
    }

    private record Page(int status, String body) {
    }

    private Page page(String path) {
        return TestApi.client(port).get().uri(path).exchange((req, response) ->
                new Page(response.getStatusCode().value(), new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }

    private int post(String user, String path, String json) {
        var request = TestApi.client(port, user, user.equals("admin") ? TestApi.ADMIN_PASSWORD : PASSWORD).post().uri(path);
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(json);
        }
        return status(request);
    }

    private int get(String user, String path) {
        return status(TestApi.client(port, user, user.equals("admin") ? TestApi.ADMIN_PASSWORD : PASSWORD).get().uri(path));
    }

    private static int status(RestClient.RequestHeadersSpec<?> request) {
        return request.exchange((req, response) -> response.getStatusCode().value());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpRequest form(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("a CSRF token in the page").isTrue();
        return m.group(1);
    }
}
