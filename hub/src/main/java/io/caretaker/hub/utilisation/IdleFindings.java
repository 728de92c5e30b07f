package io.caretaker.hub.utilisation;

import io.caretaker.deviceprofiles.DeviceProfile;
import io.caretaker.deviceprofiles.ProfileCatalog;
import io.caretaker.deviceprofiles.site.InstalledDevice;
import io.caretaker.deviceprofiles.site.Site;
import io.caretaker.hub.calendar.WorkingCalendar;
import io.caretaker.hub.workorders.WorkOrder;
import io.caretaker.hub.workorders.WorkOrderService;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks at the stored utilisation of whole days (up to yesterday, in the site's time zone) and opens an IDLE_REVIEW
 * work order for engineers when a device never ran in N days, ran outside occupied hours though it serves occupants
 * only, or ran far less than the other devices of its profile.
 */
@Component
public class IdleFindings {

    private static final Logger log = LoggerFactory.getLogger(IdleFindings.class);

    private final RunTracker tracker;
    private final UtilisationRepository store;
    private final WorkOrderService workOrders;
    private final Site site;
    private final ProfileCatalog profiles;
    private final UtilisationProperties.Idle idle;
    private final Clock clock;
    private final ZoneId zone;

    IdleFindings(RunTracker tracker, UtilisationRepository store, WorkOrderService workOrders, Site site, ProfileCatalog profiles,
                 UtilisationProperties properties, Clock clock, WorkingCalendar calendar) {
        this.tracker = tracker;
        this.store = store;
        this.workOrders = workOrders;
        this.site = site;
        this.profiles = profiles;
        this.idle = properties.idle();
        this.clock = clock;
        this.zone = calendar.zone();
    }

    /** Checks every tracked device now; returns the work orders opened by this check. */
    @Scheduled(initialDelayString = "PT2M", fixedDelayString = "${caretaker.utilisation.check-every:PT1H}")
    public List<WorkOrder> check() {
        tracker.flush();
        LocalDate yesterday = clock.instant().atZone(zone).toLocalDate().minusDays(1);
        Map<String, DayTotals> neverRanWindow = sums(yesterday.minusDays(idle.neverRanDays() - 1L), yesterday);
        Map<String, DayTotals> peerWindow = sums(yesterday.minusDays(idle.peerDays() - 1L), yesterday);
        Map<String, DayTotals> lastDay = sums(yesterday, yesterday);
        List<WorkOrder> opened = new ArrayList<>();
        for (String deviceId : tracker.tracked()) {
            InstalledDevice device = site.device(deviceId).orElseThrow();
            DeviceProfile profile = profiles.get(device.profile());
            String name = device.name() == null ? deviceId : device.name() + " (" + deviceId + ")";
            DayTotals window = neverRanWindow.get(deviceId);
            boolean trackedLongEnough = store.firstDay(deviceId).map(first -> !first.isAfter(yesterday.minusDays(idle.neverRanDays() - 1L))).orElse(false);
            boolean neverRan = trackedLongEnough && window != null && window.knownSeconds > 0 && window.runSeconds == 0;
            if (neverRan) {
                open(deviceId, IdleFinding.NEVER_RAN, name + " has not run for " + idle.neverRanDays() + " days",
                        String.format(Locale.ROOT, "No running seen from %s to %s although it reported for %.1f h. Check whether it is needed, "
                                + "broken or switched off at its panel; fix, re-schedule or retire it.", yesterday.minusDays(idle.neverRanDays() - 1L),
                                yesterday, window.knownSeconds / 3600), opened);
            }
            DayTotals day = lastDay.get(deviceId);
            if (Boolean.TRUE.equals(profile.utilisation().occupiedOnly()) && day != null
                    && day.unoccupiedRunSeconds > idle.unoccupiedRun().toSeconds()) {
                open(deviceId, IdleFinding.RAN_UNOCCUPIED, name + " ran while the building was unoccupied",
                        String.format(Locale.ROOT, "On %s it ran %.1f h outside the occupied hours (of %.1f h in all). Check its time "
                                + "schedule, holiday calendar and any manual override.", yesterday, day.unoccupiedRunSeconds / 3600, day.runSeconds / 3600), opened);
            }
            belowPeers(deviceId, device.profile(), peerWindow).filter(x -> !neverRan).ifPresent(median -> {
                DayTotals own = peerWindow.get(deviceId);
                open(deviceId, IdleFinding.BELOW_PEERS, name + " runs far less than others of its kind",
                        String.format(Locale.ROOT, "Duty cycle %.0f%% from %s to %s; the other %s devices' median is %.0f%%. Check whether it is "
                                        + "locked out, its duty is taken over by a standby unit, or it is no longer needed.",
                                100 * own.runSeconds / own.knownSeconds, yesterday.minusDays(idle.peerDays() - 1L), yesterday, device.profile(), 100 * median),
                        opened);
            });
        }
        return opened;
    }

    /** The peers' median duty cycle, when this device's is below belowPeers times it. */
    private Optional<Double> belowPeers(String deviceId, String profile, Map<String, DayTotals> window) {
        DayTotals own = window.get(deviceId);
        if (own == null || own.knownSeconds <= 0) {
            return Optional.empty();
        }
        List<Double> peers = new ArrayList<>();
        for (String other : tracker.tracked()) {
            DayTotals t = window.get(other);
            if (!other.equals(deviceId) && t != null && t.knownSeconds > 0
                    && site.device(other).map(d -> d.profile().equals(profile)).orElse(false)) {
                peers.add(t.runSeconds / t.knownSeconds);
            }
        }
        if (peers.size() < idle.minPeers()) {
            return Optional.empty();
        }
        double median = UtilisationService.median(peers);
        double duty = own.runSeconds / own.knownSeconds;
        return median >= idle.minPeerDutyCycle() && duty < idle.belowPeers() * median ? Optional.of(median) : Optional.empty();
    }

    private void open(String deviceId, IdleFinding finding, String title, String description, List<WorkOrder> opened) {
        workOrders.openIdleReview(deviceId, finding.id(), title, description).ifPresent(w -> {
            log.info("idle finding device={} finding={} workOrder={}", deviceId, finding, w.id());
            opened.add(w);
        });
    }

    private Map<String, DayTotals> sums(LocalDate from, LocalDate to) {
        Map<String, DayTotals> sums = new HashMap<>();
        for (UtilisationRepository.Row row : store.between(from, to)) {
            sums.computeIfAbsent(row.deviceId(), k -> new DayTotals())
                    .add(new DayTotals(row.knownSeconds(), row.runSeconds(), row.unoccupiedRunSeconds(), row.starts()));
        }
        return sums;
    }
}
