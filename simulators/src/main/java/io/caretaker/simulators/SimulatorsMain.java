package io.caretaker.simulators;

import io.caretaker.deviceprofiles.ConfigurationLoader;
import io.caretaker.deviceprofiles.ProfileCatalog;
import io.caretaker.deviceprofiles.site.Placeholders;
import io.caretaker.deviceprofiles.site.Site;
import io.caretaker.simulators.scenario.Scenario;
import io.caretaker.simulators.scenario.ScenarioFile;
import io.caretaker.simulators.site.DemoSiteFile;
import io.caretaker.simulators.site.SiteSimulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Runs a site's simulated devices standalone, for a hub in another process, container or machine:
 * <pre>
 * java -jar caretaker-simulators-exec.jar [--site=site.yaml] [--scenario=scenario.yaml] [--scale=N]
 *                                         [--profiles=folder] [--bind=127.0.0.1]
 * java -jar caretaker-simulators-exec.jar generate-site [--scale=N]     # prints the demo site file
 * </pre>
 * Without {@code --site} it simulates the built-in demo site ({@code --scale} times its devices) and plays the demo
 * scenario; with {@code --site}, only the scenario given by {@code --scenario}. Every device of the
 * site whose profile has a {@code simulate} section is served at the port its connection names; MQTT devices publish
 * to the broker their connection names. {@code ${name:default}} values in the site file come from system properties
 * and the environment ({@code caretaker.demo.mqtt-port} or {@code CARETAKER_DEMO_MQTT_PORT}). Options may also be
 * given as environment variables: CARETAKER_SIM_SITE, CARETAKER_SIM_SCENARIO, CARETAKER_SIM_SCALE,
 * CARETAKER_SIM_PROFILES, CARETAKER_SIM_BIND_ADDRESS.
 */
public final class SimulatorsMain {

    private static final Logger log = LoggerFactory.getLogger(SimulatorsMain.class);

    private SimulatorsMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int scale = Integer.parseInt(option(options, "scale", "1"));
        if (options.containsKey("generate-site")) {
            System.out.print(DemoSiteFile.generate(scale));
            return;
        }
        String siteFile = option(options, "site", null);
        String siteYaml = siteFile == null ? DemoSiteFile.generate(scale) : Files.readString(Path.of(siteFile));
        String siteName = siteFile == null ? "demo site (scale " + scale + ")" : siteFile;
        String scenarioFile = option(options, "scenario", null);
        // the built-in scenario names the demo site's devices; another site runs without one unless given
        Scenario scenario = scenarioFile != null ? ScenarioFile.parse(scenarioFile, Files.readString(Path.of(scenarioFile)))
                : siteFile == null ? ScenarioFile.parse("built-in demo scenario", resource("/caretaker/demo/scenario.yaml"))
                : new Scenario("none", 1, 1, null, List.of());
        String bind = option(options, "bind", "127.0.0.1");

        ConfigurationLoader loader = new ConfigurationLoader();
        ProfileCatalog profiles = ProfileCatalog.read(loader, profilesFor(siteYaml, option(options, "profiles", null)));
        Site site = loader.readSite(siteName, siteYaml, profiles, text -> Placeholders.resolve(text, SimulatorsMain::setting));
        Path pki = Files.createTempDirectory("caretaker-sim-opcua-pki");
        SiteSimulator simulator = new SiteSimulator(site, profiles, scenario, new SiteSimulator.Settings(bind, pki), Clock.systemUTC());
        simulator.startScenario();
        log.info("simulators running site={} devices={} scenario={} bind={}", site.id(), simulator.devices().size(),
                scenario.name(), bind);

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }));
        stopped.await();
    }

    /** The built-in profiles the site names, and every profile of {@code folder}. */
    private static Map<String, String> profilesFor(String siteYaml, String folder) {
        Map<String, String> files = new TreeMap<>();
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(siteYaml);
        if (root instanceof Map<?, ?> map && map.get("devices") instanceof List<?> devices) {
            for (Object device : devices) {
                if (device instanceof Map<?, ?> d && d.get("profile") != null) {
                    String id = String.valueOf(d.get("profile"));
                    InputStream in = SimulatorsMain.class.getResourceAsStream("/caretaker/profiles/" + id + ".yaml");
                    if (in != null) {
                        files.put(id + ".yaml", read(in));
                    }
                }
            }
        }
        if (folder != null) {
            files.putAll(ProfileCatalog.yamlFilesIn(Path.of(folder)));
        }
        return files;
    }

    /** A setting as a system property, or in the environment in upper case with dots and dashes as underscores. */
    static String setting(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            value = System.getenv(name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
        }
        return value == null || value.isBlank() ? null : value;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (arg.equals("generate-site")) {
                options.put("generate-site", "true");
            } else if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else {
                throw new IllegalArgumentException("unknown argument '" + arg + "'; use --site=, --scenario=, --scale=,"
                        + " --profiles=, --bind= or generate-site");
            }
        }
        return options;
    }

    private static String option(Map<String, String> options, String name, String fallback) {
        String value = options.get(name);
        if (value == null) {
            value = System.getenv("CARETAKER_SIM_" + (name.equals("bind") ? "BIND_ADDRESS" : name.toUpperCase(Locale.ROOT)));
        }
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String resource(String path) {
        InputStream in = SimulatorsMain.class.getResourceAsStream(path);
        if (in == null) {
            throw new UncheckedIOException(new IOException("missing from the build: " + path));
        }
        return read(in);
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
