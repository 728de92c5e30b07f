package io.caretaker.hub.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.caretaker.hub.TestApi;
import io.caretaker.hub.demo.DemoSite;
import io.caretaker.hub.demo.DemoTestProperties;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The console in a real browser (Debian's chromium driven by Selenium through chromedriver) against the embedded
 * demo: log in, watch a simulated fault appear on the alarm board without a reload, acknowledge it where the
 * alarms API offers that, open its work order and dispatch it, switch the language; every main page fits 1366x768
 * and 1920x1080 without sideways scrolling. With {@code -Dcaretaker.screenshots=DIR} it saves the screenshots of the
 * three main pages at both sizes (the README's pictures).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// closed after this class, not at JVM exit: no other IT reuses it, and all of them closing at exit took over failsafe's 30 s
@DirtiesContext
@ActiveProfiles("demo")
class ConsoleBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final List<Dimension> SIZES = List.of(new Dimension(1920, 1080), new Dimension(1366, 768));

    @TempDir
    static Path workDir;

    @DynamicPropertySource
    static void demo(DynamicPropertyRegistry registry) throws IOException {
        DemoTestProperties.register(registry, "console-it", workDir, "classpath:caretaker/console-scenario.yaml");
    }

    @LocalServerPort
    int port;

    @Autowired
    DemoSite demo;

    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void startBrowser() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "skipped: needs Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver); apt-get install chromium chromium-driver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-extensions", "--disable-sync", "--disable-default-apps",
                "--disable-component-update", "--no-first-run", "--mute-audio", "--lang=en-US", "--window-size=1920,1080",
                "--user-data-dir=" + workDir.resolve("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = waitUpTo(Duration.ofSeconds(20));
    }

    /** A wait that looks again when the live board has replaced the rows it found. */
    private WebDriverWait waitUpTo(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(browser, timeout);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aFaultAppearsLiveAndIsFollowedToItsWorkOrderInBothLanguages() throws IOException {
        browser.get(url("/console/alarms?lang=en"));
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("username")).sendKeys(TestApi.ADMIN);
        browser.findElement(By.id("password")).sendKeys(TestApi.ADMIN_PASSWORD);
        browser.findElement(By.id("login")).click();
        wait.until(ExpectedConditions.urlContains("/console/alarms"));
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-streaming", "open"));
        assertThat(browser.findElements(By.cssSelector("tr[data-device='door-1'][data-rule='battery-low']"))).isEmpty();
        ((JavascriptExecutor) browser).executeScript("window.sameBoard = 'not reloaded';");

        demo.begin("door-1", "battery-low");   // battery at 2.5 V: battery-low after its 10 s

        By door = By.cssSelector("tr[data-device='door-1'][data-rule='battery-low']");
        waitUpTo(Duration.ofSeconds(90)).until(ExpectedConditions.presenceOfElementLocated(door));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.sameBoard")).isEqualTo("not reloaded");
        // located afresh each time: the board is swapped whenever something changes
        wait.until(ExpectedConditions.attributeToBe(door, "data-state", "ACTIVE_UNACKED"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(door, "Lobby east door"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(door, "Minor"));

        // the board is swapped whenever something changes, so the button is found afresh until a click lands
        By ack = By.cssSelector("tr[data-device='door-1'][data-rule='battery-low'] button.ack");
        wait.until(d -> {
            d.findElement(ack).click();
            return true;
        });
        wait.until(ExpectedConditions.attributeToBe(door, "data-state", "ACTIVE_ACKED"));

        // its work order, from the board, and the service desk's first step
        wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("tr[data-device='door-1'][data-rule='battery-low'] a[href*='/console/workorders/']"))).click();
        wait.until(ExpectedConditions.urlMatches(".*/console/workorders/\\d+$"));
        assertThat(browser.findElement(By.id("wo-status")).getText()).isEqualTo("Open");
        // the clock that runs now, then every due time the work order was given, the running one first
        assertThat(browser.findElement(By.id("wo-sla")).getText()).startsWith("dispatch due in").contains("Dispatch by", "Resolution by");
        assertThat(browser.findElements(By.cssSelector("#wo-sla article.wo"))).isEmpty();
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Door contact battery below 2.8 V");
        new Select(browser.findElement(By.cssSelector("#do-dispatch select[name=trade]"))).selectByValue("SECURITY");
        browser.findElement(By.cssSelector("#do-dispatch button")).click();
        wait.until(ExpectedConditions.textToBe(By.id("wo-status"), "Dispatched"));
        assertThat(browser.findElement(By.cssSelector("table.steps")).getText()).contains("Trade: Security");

        // 简体中文, then back
        browser.findElement(By.id("lang-zh")).click();
        wait.until(ExpectedConditions.textToBe(By.id("wo-status"), "已派工"));
        // each step's details in words: the alarm that opened it (linked), the trade it went to
        assertThat(browser.findElement(By.cssSelector("table.steps")).getText()).contains("新建", "派工", "工种：安防").doesNotContain("trade=");
        assertThat(browser.findElements(By.cssSelector("table.steps a[href*='/console/alarms/']"))).hasSize(1);
        assertThat(browser.findElement(By.cssSelector("#wo-sla .sla")).getText()).matches("(?s)距响应时限 (\\d+小时\\d{2}分|\\d+天\\d+小时)\\s.*");
        assertThat(browser.findElement(By.tagName("header")).getText()).contains("中控室", "客服工单");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("门磁电池电压低");
        browser.get(url("/console/alarms"));                             // the choice is remembered
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("报警看板");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr.alarm")));
        // the profile's message in Chinese (its translations), where the alarm was raised with the English one
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("门磁电池电压低").doesNotContain("Door contact battery below");
        screenshots("alarm-board-zh");
        browser.findElement(By.id("lang-en")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Alarm board"));

        // two worse faults: the board puts the worst first (priority, then time), live again
        demo.begin("ahu-1", "cooling-lost");   // supply air 35 °C: MAJOR
        demo.begin("meter-1", "overvoltage");   // phase 1 at 262 V: IMPORTANT
        List<String> faults = List.of("supply-air-too-hot", "voltage-l1-high", "battery-low");
        // (a device slow to report on a busy machine may add its own no-data alarm: only these three are compared)
        waitUpTo(Duration.ofSeconds(90)).until(d -> boardRules().containsAll(faults));
        assertThat(boardRules().stream().filter(faults::contains).toList()).containsExactlyElementsOf(faults);
        screenshots("alarm-board");

        browser.get(url("/console/workorders"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#wo-board article.wo")));
        screenshots("service-desk");
        browser.get(url("/console/equipment"));
        assertThat(browser.findElement(By.id("device-door-1")).getText()).contains("Minor alarm");
        // filtered: the HVAC plant only; then what needs attention (an alarm or offline)
        new Select(browser.findElement(By.cssSelector("#filters select[name=family]"))).selectByValue("hvac");
        wait.until(ExpectedConditions.urlContains("family=hvac"));
        assertThat(browser.findElements(By.id("device-ahu-1"))).hasSize(1);
        assertThat(browser.findElements(By.id("device-door-1"))).isEmpty();
        // the other language keeps the filter
        browser.findElement(By.id("lang-zh")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "设备"));
        assertThat(browser.getCurrentUrl()).contains("family=hvac").contains("lang=zh");
        assertThat(browser.findElements(By.id("device-ahu-1"))).hasSize(1);
        assertThat(browser.findElements(By.id("device-door-1"))).isEmpty();
        browser.findElement(By.id("lang-en")).click();
        wait.until(ExpectedConditions.urlContains("lang=en"));
        assertThat(browser.getCurrentUrl()).contains("family=hvac");
        browser.get(url("/console/equipment?health=attention"));
        assertThat(browser.findElement(By.id("device-door-1")).getText()).contains("Minor alarm");
        assertThat(browser.findElements(By.cssSelector("tr[id^='device-'] .h-OK"))).isEmpty();
        browser.get(url("/console/equipment"));
        screenshots("equipment");

        // a device's trend from the history API: the phase 1 voltage, with the fault's 262 V in it
        // a door contact's points in Chinese: the profile's names, yes and no in words
        browser.get(url("/console/equipment/door-1?lang=zh"));
        assertThat(browser.findElement(By.id("points")).getText()).contains("门已关闭", "电池电压").containsAnyOf("是", "否")
                .doesNotContain("true", "false");
        browser.get(url("/console/equipment/meter-1?lang=en"));
        new Select(browser.findElement(By.id("trend-point"))).selectByValue("voltage_l1");
        waitUpTo(Duration.ofSeconds(30)).until(d -> {
            String loaded = d.findElement(By.id("trend")).getAttribute("data-loaded");
            return loaded != null && Integer.parseInt(loaded) > 0;
        });
        Object highest = ((JavascriptExecutor) browser).executeScript(
                "return Math.max.apply(null, echarts.getInstanceByDom(document.getElementById('trend')).getOption().series[2].data.map(p => p[1]));");
        assertThat(((Number) highest).doubleValue()).isEqualTo(262.0);
        // drawn in the site's wall-clock time (Asia/Shanghai), whatever the browser's zone
        Object lastDrawn = ((JavascriptExecutor) browser).executeScript(
                "var d = echarts.getInstanceByDom(document.getElementById('trend')).getOption().series[0].data;"
                        + " return new Date(d[d.length - 1][0]).toISOString().slice(0, 16);");
        assertThat(Duration.between(LocalDateTime.parse((String) lastDrawn), LocalDateTime.now(ZoneId.of("Asia/Shanghai"))).abs())
                .isLessThan(Duration.ofMinutes(5));
        screenshots("device");

        // the engineers' figures: charts drawn from the utilisation and alarm KPI APIs, figures and tables in words
        browser.get(url("/console/utilisation"));
        wait.until(ExpectedConditions.attributeToBe(By.id("figures"), "data-loaded", "true"));
        assertThat(browser.findElements(By.cssSelector("#figures canvas"))).isNotEmpty();
        assertThat(browser.findElement(By.id("ranking")).getText()).contains("Air handler AHU-1", "air-handler-basic");
        fitsTheWindow("utilisation");   // one air handler for minutes: no picture
        browser.get(url("/console/kpis"));
        wait.until(ExpectedConditions.attributeToBe(By.id("figures"), "data-loaded", "true"));
        assertThat(browser.findElements(By.cssSelector("#figures canvas"))).isNotEmpty();
        // at least the three faults above, each its own bad actor
        assertThat(Integer.parseInt(browser.findElement(By.cssSelector("#annunciated b")).getText())).isGreaterThanOrEqualTo(3);
        assertThat(browser.findElement(By.id("annunciated")).getText()).contains("Alarms annunciated");
        assertThat(browser.findElement(By.id("bad-actors")).getText()).contains("supply-air-too-hot", "voltage-l1-high", "battery-low");
        assertThat(browser.findElement(By.id("priorities")).getText()).contains("Major", "Important", "Minor");
        screenshots("kpis");
        browser.get(url("/console/kpis?lang=zh"));
        assertThat(browser.findElement(By.id("tiles")).getText()).contains("呈现的报警", "ISA-18.2");
        assertThat(browser.findElement(By.id("bad-actors")).getText()).contains("battery-low", "门磁电池电压低");
        browser.get(url("/console/kpis?from=2026-10-01T00:00&to=2026-11-20T00:00"));
        assertThat(browser.findElement(By.id("problem")).getText()).contains("50.0 天", "最多统计 31 天");
        browser.get(url("/console/kpis?lang=en"));
    }

    private List<String> boardRules() {
        // read in one go in the page: the board may be swapped for a fresher one between two element look-ups
        Object rules = ((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.querySelectorAll('tr.alarm')).map(r => r.dataset.rule);");
        return ((List<?>) rules).stream().map(String::valueOf).toList();
    }

    /** Each size: nothing wider than the window; with -Dcaretaker.screenshots=DIR, a picture of it (the README's). */
    private void screenshots(String page) throws IOException {
        fitsTheWindow(page, System.getProperty("caretaker.screenshots"));
    }

    /** Each size: nothing wider than the window (a page whose picture on this test's small site would not show it). */
    private void fitsTheWindow(String page) throws IOException {
        fitsTheWindow(page, null);
    }

    private void fitsTheWindow(String page, String pictures) throws IOException {
        for (Dimension size : SIZES) {
            browser.manage().window().setSize(size);
            Object overflow = ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(((Number) overflow).intValue()).as(page + " scrolls sideways at " + size).isLessThanOrEqualTo(0);
            if (pictures != null && !pictures.isBlank()) {
                File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
                Path target = Path.of(pictures).resolve(page + "-" + size.getWidth() + "x" + size.getHeight() + ".png");
                Files.createDirectories(target.getParent());
                Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        browser.manage().window().setSize(SIZES.get(0));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
