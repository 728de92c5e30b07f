package io.caretaker.hub.demo;

import io.caretaker.simulators.model.DeviceModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Drives the demo's simulated devices by hand ({@code scripts/simulate}):
 * {@code POST /api/demo/devices/{id}/behaviour?set=<behaviour>|SILENT|NORMAL} or {@code ?end=<behaviour>}, where a
 * behaviour is one the device's profile declares. Only present in the demo.
 */
@RestController
@RequestMapping("/api/demo/devices")
@ConditionalOnProperty(name = "caretaker.demo.enabled", havingValue = "true")
class DemoController {

    private final DemoSite demo;

    DemoController(DemoSite demo) {
        this.demo = demo;
    }

    /** Each simulated device: the behaviours on now and those its profile knows. */
    @GetMapping
    Map<String, Map<String, Object>> behaviours() {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        demo.devices().forEach((id, device) -> out.put(id, Map.of("profile", device.profile().id(),
                "behaviours", device.behaviours(), "known", List.copyOf(device.knownBehaviours()))));
        return out;
    }

    @PostMapping("/{deviceId}/behaviour")
    Map<String, Object> behave(@PathVariable String deviceId, @RequestParam(name = "set", required = false) String set,
                               @RequestParam(name = "end", required = false) String end) {
        DeviceModel device = demo.device(deviceId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no simulated device '" + deviceId + "'; simulated: " + demo.devices().keySet()));
        if ((set == null) == (end == null)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "give either set=<behaviour> or end=<behaviour>; "
                    + deviceId + " knows NORMAL, SILENT and " + device.knownBehaviours());
        }
        try {
            if (set != null) {
                demo.begin(deviceId, set);
            } else {
                demo.end(deviceId, end);
            }
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        return Map.of("deviceId", deviceId, "behaviours", device.behaviours());
    }
}
