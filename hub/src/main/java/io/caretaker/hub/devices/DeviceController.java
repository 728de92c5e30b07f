package io.caretaker.hub.devices;

import io.caretaker.deviceprofiles.site.Site;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/devices}: every installed device with its status. */
@RestController
@RequestMapping("/api/devices")
class DeviceController {

    private final DeviceBoard board;
    private final Site site;
    private final Clock clock;

    DeviceController(DeviceBoard board, Site site, Clock clock) {
        this.board = board;
        this.site = site;
        this.clock = clock;
    }

    @GetMapping
    List<DeviceJson> devices() {
        return board.all(clock.instant()).stream().map(this::json).toList();
    }

    private DeviceJson json(DeviceBoard.DeviceView v) {
        return new DeviceJson(v.device().id(), v.device().name(), v.profile().id(), v.profile().family().wireName(),
                v.device().connection().protocol().wireName(), v.device().building(), v.device().floor(), v.device().room(),
                v.status(), site.localTime(v.lastSeen()));
    }

    record DeviceJson(String id, String name, String profile, String family, String protocol, String building,
                      String floor, String room, DeviceStatus status, OffsetDateTime lastSeen) {
    }
}
