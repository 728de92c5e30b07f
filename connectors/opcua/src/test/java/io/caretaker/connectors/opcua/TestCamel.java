package io.caretaker.connectors.opcua;

import io.caretaker.deviceprofiles.ProfileCatalog;
import io.caretaker.deviceprofiles.canonical.DeviceEvent;
import io.caretaker.deviceprofiles.canonical.PointSample;
import io.caretaker.deviceprofiles.canonical.Quality;
import io.caretaker.deviceprofiles.canonical.Value;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/** A Camel context with opcua routes whose bodies are kept for the test to look at. */
final class TestCamel implements AutoCloseable {

    final List<Object> bodies = new CopyOnWriteArrayList<>();
    final CamelContext camel = new DefaultCamelContext();

    TestCamel(ProfileCatalog profiles, Path pki) {
        camel.getRegistry().bind("profiles", profiles);
        camel.getComponent("opcua", OpcUaComponent.class).setPkiDirectory(pki.toString());
    }

    OpcUaComponent component() {
        return camel.getComponent("opcua", OpcUaComponent.class);
    }

    TestCamel route(String routeId, String uri) throws Exception {
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId(routeId).process(exchange -> bodies.add(exchange.getIn().getBody()));
            }
        });
        return this;
    }

    TestCamel start() {
        camel.start();
        return this;
    }

    List<PointSample> samples(String deviceId) {
        return bodies.stream().filter(List.class::isInstance)
                .flatMap(body -> ((List<?>) body).stream())
                .map(PointSample.class::cast)
                .filter(s -> s.deviceId().equals(deviceId))
                .toList();
    }

    List<String> events(String deviceId) {
        return bodies.stream().filter(DeviceEvent.class::isInstance).map(DeviceEvent.class::cast)
                .filter(e -> e.deviceId().equals(deviceId)).map(DeviceEvent::type).toList();
    }

    boolean hasGood(String deviceId, String pointId) {
        return samples(deviceId).stream().anyMatch(s -> s.pointId().equals(pointId) && s.quality() == Quality.GOOD
                && !(s.value() instanceof Value.Absent));
    }

    @Override
    public void close() {
        camel.stop();
    }
}
