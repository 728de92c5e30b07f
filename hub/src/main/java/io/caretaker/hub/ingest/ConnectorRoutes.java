package io.caretaker.hub.ingest;

import io.caretaker.connectors.mqtt.DecodeJsonPayload;
import io.caretaker.deviceprofiles.ProfileCatalog;
import io.caretaker.deviceprofiles.site.Connection;
import io.caretaker.deviceprofiles.site.InstalledDevice;
import io.caretaker.deviceprofiles.site.Site;
import java.time.Clock;
import java.util.Objects;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * One route template per protocol, and one route per installed device made from it: adding a device is a line
 * in the site file, not code. Route ids are {@code <protocol>-<device>}.
 */
@Component
class ConnectorRoutes extends RouteBuilder {

    private final Site site;
    private final ProfileCatalog profiles;
    private final IngestProperties properties;
    private final Clock clock;

    ConnectorRoutes(Site site, ProfileCatalog profiles, IngestProperties properties, Clock clock) {
        this.site = site;
        this.profiles = profiles;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void configure() {
        String telemetry = IngestRoutes.telemetryQueue(properties.queueSize());

        routeTemplate("modbus-device")
                .templateParameter("deviceId").templateParameter("profile").templateParameter("host")
                .templateParameter("port").templateParameter("unitId").templateParameter("pollInterval")
                .from("modbus:{{deviceId}}?host={{host}}&port={{port}}&unitId={{unitId}}&profile={{profile}}&pollInterval={{pollInterval}}")
                .to(telemetry);

        routeTemplate("opcua-device")
                .templateParameter("deviceId").templateParameter("profile").templateParameter("endpoint")
                .templateParameter("nodePrefix", "")
                .from("opcua:{{deviceId}}?endpoint=RAW({{endpoint}})&profile={{profile}}&nodePrefix={{nodePrefix}}")
                .to(telemetry);

        routeTemplate("mqtt-device")
                .templateParameter("deviceId").templateParameter("profile").templateParameter("broker").templateParameter("topic")
                .templateBean("decoder", DecodeJsonPayload.class, rtc -> new DecodeJsonPayload(
                        rtc.getProperty("deviceId", String.class), profiles.get(rtc.getProperty("profile", String.class)), clock))
                .from("paho-mqtt5:{{topic}}?brokerUrl=RAW({{broker}})&clientId=caretaker-hub-{{deviceId}}&qos=1")
                .process("{{decoder}}")
                .to(telemetry);

        for (InstalledDevice device : site.devices()) {
            Connection c = device.connection();
            switch (c.protocol()) {
                case MODBUS -> templatedRoute("modbus-device").routeId("modbus-" + device.id())
                        .parameter("deviceId", device.id()).parameter("profile", device.profile())
                        .parameter("host", c.host()).parameter("port", String.valueOf(c.port()))
                        .parameter("unitId", String.valueOf(c.unitId()))
                        .parameter("pollInterval", String.valueOf(c.pollInterval().toMillis()));
                case OPCUA -> templatedRoute("opcua-device").routeId("opcua-" + device.id())
                        .parameter("deviceId", device.id()).parameter("profile", device.profile())
                        .parameter("endpoint", c.endpoint()).parameter("nodePrefix", Objects.requireNonNullElse(c.nodePrefix(), ""));
                case MQTT -> templatedRoute("mqtt-device").routeId("mqtt-" + device.id())
                        .parameter("deviceId", device.id()).parameter("profile", device.profile())
                        .parameter("broker", c.broker()).parameter("topic", c.topic());
            }
        }
    }
}
