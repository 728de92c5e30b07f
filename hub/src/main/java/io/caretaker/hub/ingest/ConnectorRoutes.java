package io.caretaker.hub.ingest;

import io.caretaker.connectors.mqtt.DecodeMqttMessage;
import io.caretaker.connectors.mqtt.MqttDevicesComponent;
import io.caretaker.connectors.mqtt.SetAsideBadFields;
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
 * in the site file, not code. Route ids are {@code <protocol>-<device>}; MQTT devices share one route and one
 * connection per broker, {@code mqtt-<client id>}.
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
                .templateParameter("nodePrefix", "").templateParameter("securityPolicy", "")
                .templateParameter("securityMode", "").templateParameter("username", "").templateParameter("password", "")
                // devices with the same endpoint, security and login share one session and subscription
                .from("opcua:{{deviceId}}?endpoint=RAW({{endpoint}})&profile={{profile}}&nodePrefix=RAW({{nodePrefix}})"
                        + "&securityPolicy={{securityPolicy}}&securityMode={{securityMode}}"
                        + "&username=RAW({{username}})&password=RAW({{password}})")
                .to(telemetry);

        // one route and one MQTT connection per broker, carrying every device behind it (see MqttConnections)
        routeTemplate("mqtt-connection")
                .templateParameter("connection")
                .from("mqtt-devices:{{connection}}")
                .process(new DecodeMqttMessage())
                .to(telemetry)
                .process(new SetAsideBadFields());
        MqttConnections mqtt = MqttConnections.of(site, profiles);
        MqttDevicesComponent mqttComponent = getCamelContext().getComponent("mqtt-devices", MqttDevicesComponent.class);
        mqttComponent.setClock(clock);
        mqtt.connections().forEach((name, connection) -> {
            mqttComponent.addConnection(name, connection.settings(), connection.devices());
            templatedRoute("mqtt-connection").routeId("mqtt-" + name).parameter("connection", name);
        });

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
                        .parameter("endpoint", c.endpoint()).parameter("nodePrefix", Objects.requireNonNullElse(c.nodePrefix(), ""))
                        .parameter("securityPolicy", Objects.requireNonNullElse(c.securityPolicy(), ""))
                        .parameter("securityMode", Objects.requireNonNullElse(c.securityMode(), ""))
                        .parameter("username", Objects.requireNonNullElse(c.username(), ""))
                        .parameter("password", Objects.requireNonNullElse(c.password(), ""));
                case MQTT -> {
                    // routed above, one route per broker connection
                }
            }
        }
    }
}
