package io.caretaker.hub.demo;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded demo ({@code caretaker.demo.*}): an in-process MQTT broker and simulated devices on real
 * protocol servers, on ports that avoid the usual ones (1883, 502, 4840) so the demo starts beside a real
 * Mosquitto or PLC; every port is settable, e.g. {@code CARETAKER_DEMO_MQTT_PORT}. {@code historyDays}: the whole days
 * before the start whose utilisation the demo fills from its simulator models (0: none), so idle equipment shows at once.
 */
@ConfigurationProperties("caretaker.demo")
public record DemoProperties(@DefaultValue("false") boolean enabled,
                             @DefaultValue("127.0.0.1") String bindAddress,
                             @DefaultValue("11883") int mqttPort,
                             @DefaultValue("10502") int modbusPort,
                             @DefaultValue("14840") int opcuaPort,
                             @DefaultValue("classpath:caretaker/demo/scenario.yaml") String scenario,
                             @DefaultValue("data/demo") Path workDir,
                             @DefaultValue("7") int historyDays) {
}
