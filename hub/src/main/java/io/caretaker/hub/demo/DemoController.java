package io.caretaker.hub.demo;

import io.caretaker.simulators.SimulatedDevice;
import java.util.Map;
import java.util.stream.Collectors;
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
 * {@code POST /api/demo/devices/{id}/behaviour?set=FAULT|SILENT|NORMAL}. Only present in the demo.
 */
@RestController
@RequestMapping("/api/demo/devices")
@ConditionalOnProperty(name = "caretaker.demo.enabled", havingValue = "true")
class DemoController {

    private final DemoSite demo;

    DemoController(DemoSite demo) {
        this.demo = demo;
    }

    @GetMapping
    Map<String, SimulatedDevice.Behaviour> behaviours() {
        return demo.devices().values().stream().collect(Collectors.toMap(SimulatedDevice::deviceId, SimulatedDevice::behaviour));
    }

    @PostMapping("/{deviceId}/behaviour")
    Map<String, Object> behave(@PathVariable String deviceId, @RequestParam("set") SimulatedDevice.Behaviour behaviour) {
        SimulatedDevice device = demo.device(deviceId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no simulated device '" + deviceId + "'; simulated: " + demo.devices().keySet()));
        device.behave(behaviour);
        return Map.of("deviceId", deviceId, "behaviour", behaviour);
    }
}
