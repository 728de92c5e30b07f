package io.caretaker.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.caretaker.deviceprofiles.ConfigurationLoader;
import io.caretaker.deviceprofiles.ProfileCatalog;
import io.caretaker.deviceprofiles.site.Site;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The site file docker-compose.yml mounts must stay valid, since compose cannot be run on the build machine. */
class DeploySiteFileTest {

    @Test
    void theComposeSiteFileIsValid() throws Exception {
        ConfigurationLoader loader = new ConfigurationLoader();
        ProfileCatalog profiles = ProfileCatalog.readDirectory(loader, Path.of("../device-profiles/profiles"));

        Site site = loader.readSite("deploy/site.yaml", Files.readString(Path.of("../deploy/site.yaml")), profiles, UnaryOperator.identity());

        assertThat(site.devices()).hasSize(3);
    }
}
