package io.caretaker.hub.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caretaker.hub.CaretakerApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** An invalid site file stops the hub before it runs half-configured, and says where once, without a stack trace. */
@ExtendWith(OutputCaptureExtension.class)
class InvalidSiteFileIT {

    @Test
    void anInvalidSiteFileStopsStartUpNamingTheFileLineAndField(@TempDir Path dir, CapturedOutput output) throws IOException {
        Path site = Files.writeString(dir.resolve("site.yaml"), """
                formatVersion: 1
                site: {id: invalid, name: Invalid site, timeZone: Asia/Shanghai}
                devices:
                  - id: meter-1
                    profile: energy-meter-sdm630
                    building: Office Tower
                    connection: {protocol: modbus, host: 127.0.0.1, port: 1, unitId: 300, pollInterval: 60s}
                """);

        assertThatThrownBy(() -> SpringApplication.run(CaretakerApplication.class, "--caretaker.site.file=file:" + site,
                "--server.port=0", "--spring.datasource.url=jdbc:h2:mem:invalid-site-it", "--caretaker.security.admin-password=invalid-site-pw"))
                .hasRootCauseInstanceOf(io.caretaker.deviceprofiles.InvalidConfigurationException.class);

        String problem = site + ":7: devices[0].connection.unitId: is 300; it must be at most 255";
        assertThat(output.getOut()).contains("APPLICATION FAILED TO START", "1 problem in the device configuration:\n  file:" + problem,
                "Correct the site file (caretaker.site.file) or device profile");
        assertThat(output.getOut()).doesNotContain("Application run failed").doesNotContain("\tat org.springframework");
    }
}
