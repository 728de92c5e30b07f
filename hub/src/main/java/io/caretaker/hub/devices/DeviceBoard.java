package io.caretaker.hub.devices;

import io.caretaker.deviceprofiles.DeviceProfile;
import io.caretaker.deviceprofiles.FaultRule;
import io.caretaker.deviceprofiles.ProfileCatalog;
import io.caretaker.deviceprofiles.canonical.DeviceEvent;
import io.caretaker.deviceprofiles.canonical.PointSample;
import io.caretaker.deviceprofiles.canonical.Quality;
import io.caretaker.deviceprofiles.site.InstalledDevice;
import io.caretaker.deviceprofiles.site.Site;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The latest state of every installed device: when it last reported, whether its connector lost it,
 * and the latest sample of each point. A device is OFFLINE when its connector reports COMM_LOSS or when it
 * has sent nothing for its profile's no-data time.
 */
@Component
public class DeviceBoard {

    private static final Logger log = LoggerFactory.getLogger(DeviceBoard.class);
    /** Used when a profile declares no no-data rule. */
    static final Duration DEFAULT_OFFLINE_AFTER = Duration.ofSeconds(60);

    private final Map<String, Tracked> devices = new LinkedHashMap<>();

    public DeviceBoard(Site site, ProfileCatalog profiles, Clock clock) {
        Instant now = clock.instant();
        for (InstalledDevice device : site.devices()) {
            DeviceProfile profile = profiles.get(device.profile());
            devices.put(device.id(), new Tracked(device, profile, offlineAfter(profile), now));
        }
    }

    /**
     * Records a sample; COMM_LOSS marks the device lost, anything else marks it seen. False, and nothing recorded,
     * when the device is not in the site file.
     */
    public boolean record(PointSample sample) {
        Tracked device = devices.get(sample.deviceId());
        if (device == null) {
            return false;
        }
        if (sample.quality() == Quality.COMM_LOSS) {
            device.commLost = true;
        } else {
            if (device.commLost) {
                log.info("device reporting again device={}", sample.deviceId());
            }
            device.commLost = false;
            device.lastSeen = sample.receivedAt();
        }
        device.latest(sample);
        return true;
    }

    public void record(DeviceEvent event) {
        Tracked device = devices.get(event.deviceId());
        if (device != null && DeviceEvent.CONNECTION_LOST.equals(event.type())) {
            device.commLost = true;
        }
    }

    public DeviceStatus status(String deviceId, Instant now) {
        return devices.get(deviceId).status(now);
    }

    public List<DeviceView> all(Instant now) {
        return devices.values().stream().map(d -> d.view(now)).toList();
    }

    public Optional<DeviceView> find(String deviceId, Instant now) {
        return Optional.ofNullable(devices.get(deviceId)).map(d -> d.view(now));
    }

    private static Duration offlineAfter(DeviceProfile profile) {
        return profile.rules().stream()
                .filter(FaultRule.NoData.class::isInstance)
                .map(r -> ((FaultRule.NoData) r).after())
                .min(Duration::compareTo)
                .orElse(DEFAULT_OFFLINE_AFTER);
    }

    /** One device as the API shows it. */
    public record DeviceView(InstalledDevice device, DeviceProfile profile, DeviceStatus status, Instant lastSeen,
                             Map<String, PointSample> latest) {
    }

    private static final class Tracked {
        final InstalledDevice device;
        final DeviceProfile profile;
        final Duration offlineAfter;
        final Instant trackedSince;
        /** One slot per point of the profile, made at start, so recording a sample takes no lock and no new entry. */
        final Map<String, Latest> points;
        /** Points a device sent that its profile does not declare. */
        final Map<String, PointSample> others = new ConcurrentHashMap<>();
        volatile Instant lastSeen;
        volatile boolean commLost;

        Tracked(InstalledDevice device, DeviceProfile profile, Duration offlineAfter, Instant trackedSince) {
            this.device = device;
            this.profile = profile;
            this.offlineAfter = offlineAfter;
            this.trackedSince = trackedSince;
            Map<String, Latest> slots = new HashMap<>();
            profile.points().forEach(p -> slots.put(p.id(), new Latest()));
            this.points = Map.copyOf(slots);
        }

        void latest(PointSample sample) {
            Latest slot = points.get(sample.pointId());
            if (slot != null) {
                slot.sample = sample;
            } else {
                others.put(sample.pointId(), sample);
            }
        }

        Map<String, PointSample> latest() {
            Map<String, PointSample> latest = new HashMap<>(others);
            points.forEach((point, slot) -> {
                PointSample sample = slot.sample;
                if (sample != null) {
                    latest.put(point, sample);
                }
            });
            return Map.copyOf(latest);
        }

        DeviceStatus status(Instant now) {
            if (commLost) {
                return DeviceStatus.OFFLINE;
            }
            Instant since = lastSeen == null ? trackedSince : lastSeen;
            if (Duration.between(since, now).compareTo(offlineAfter) >= 0) {
                return DeviceStatus.OFFLINE;
            }
            return lastSeen == null ? DeviceStatus.UNKNOWN : DeviceStatus.ONLINE;
        }

        DeviceView view(Instant now) {
            return new DeviceView(device, profile, status(now), lastSeen, latest());
        }
    }

    /** The latest sample of one point, written by ingest and read by the API. */
    private static final class Latest {
        volatile PointSample sample;
    }
}
