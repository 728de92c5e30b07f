package io.caretaker.hub.system;

import io.caretaker.deviceprofiles.ConfigurationLoader;
import io.caretaker.deviceprofiles.ProfileCatalog;
import io.caretaker.deviceprofiles.site.Placeholders;
import io.caretaker.deviceprofiles.site.Site;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Reads the device profiles and the site file at start-up. An invalid file stops start-up with a message
 * naming file, line and field: the hub never runs half-configured.
 */
@Configuration(proxyBeanMethods = false)
class SiteConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SiteConfiguration.class);

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ConfigurationLoader configurationLoader() {
        return new ConfigurationLoader();
    }

    @Bean
    ProfileCatalog profileCatalog(ConfigurationLoader loader, SiteProperties properties) throws IOException {
        Map<String, String> files = new TreeMap<>();
        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:caretaker/profiles/*.yaml")) {
            files.put(r.getFilename(), r.getContentAsString(StandardCharsets.UTF_8));
        }
        if (properties.profilesDir() != null && !properties.profilesDir().isBlank()) {
            Path dir = Path.of(properties.profilesDir());
            if (!Files.isDirectory(dir)) {
                throw new IllegalStateException("caretaker.site.profiles-dir=" + dir + " is not a folder; point it at a folder of *.yaml profiles");
            }
            files.putAll(ProfileCatalog.yamlFilesIn(dir));
        }
        ProfileCatalog catalog = ProfileCatalog.read(loader, files);
        log.info("device profiles loaded count={} ids={}", catalog.ids().size(), catalog.ids());
        return catalog;
    }

    @Bean
    Site site(ConfigurationLoader loader, ProfileCatalog profiles, SiteProperties properties,
              ResourceLoader resources, Environment environment) {
        if (properties.file() == null || properties.file().isBlank()) {
            throw new IllegalStateException("No site file: set caretaker.site.file (env CARETAKER_SITE_FILE), "
                    + "e.g. file:/etc/caretaker/site.yaml, or run the demo with --spring.profiles.active=demo");
        }
        Resource resource = resources.getResource(properties.file());
        String yaml;
        try {
            yaml = resource.getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read site file caretaker.site.file=" + properties.file(), e);
        }
        Site site = loader.readSite(properties.file(), yaml, profiles, text -> Placeholders.resolve(text, environment::getProperty));
        log.info("site loaded site={} devices={} timeZone={}", site.id(), site.devices().size(), site.timeZone());
        return site;
    }
}
