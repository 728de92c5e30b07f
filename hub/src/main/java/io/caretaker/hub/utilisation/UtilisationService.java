package io.caretaker.hub.utilisation;

import io.caretaker.deviceprofiles.site.InstalledDevice;
import io.caretaker.deviceprofiles.site.Site;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Reads utilisation back per device and day, and ranks devices by how idle they were. */
@Service
public class UtilisationService {

    private final RunTracker tracker;
    private final UtilisationRepository store;
    private final Site site;

    UtilisationService(RunTracker tracker, UtilisationRepository store, Site site) {
        this.tracker = tracker;
        this.store = store;
        this.site = site;
    }

    public UtilisationReport report(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("utilisation: to (" + to + ") is before from (" + from + "); give from <= to");
        }
        tracker.flush(); // include what was added up since the last flush
        Map<String, String> profiles = new HashMap<>();
        site.devices().forEach(d -> profiles.put(d.id(), d.profile()));
        List<UtilisationDay> days = new ArrayList<>();
        Map<String, DayTotals> totals = new HashMap<>();
        Map<String, Integer> idleDays = new HashMap<>();
        for (String id : tracker.tracked()) {
            totals.put(id, new DayTotals());
            idleDays.put(id, 0);
        }
        for (UtilisationRepository.Row row : store.between(from, to)) {
            if (!totals.containsKey(row.deviceId())) {
                continue; // no longer on the site or no longer tracked
            }
            days.add(UtilisationDay.of(row.deviceId(), profiles.get(row.deviceId()), row.day(), row.knownSeconds(), row.runSeconds(),
                    row.unoccupiedRunSeconds(), row.starts()));
            totals.get(row.deviceId()).add(new DayTotals(row.knownSeconds(), row.runSeconds(), row.unoccupiedRunSeconds(), row.starts()));
            if (row.knownSeconds() > 0 && row.runSeconds() == 0) {
                idleDays.merge(row.deviceId(), 1, Integer::sum);
            }
        }
        List<UtilisationReport.Ranked> ranking = new ArrayList<>();
        for (var entry : totals.entrySet()) {
            String id = entry.getKey();
            DayTotals t = entry.getValue();
            String profile = profiles.get(id);
            List<Double> peers = totals.entrySet().stream()
                    .filter(e -> !e.getKey().equals(id) && profile.equals(profiles.get(e.getKey())) && e.getValue().knownSeconds > 0)
                    .map(e -> e.getValue().runSeconds / e.getValue().knownSeconds).toList();
            ranking.add(new UtilisationReport.Ranked(id, profile, site.device(id).map(InstalledDevice::building).orElse(null),
                    UtilisationDay.hours(t.knownSeconds), UtilisationDay.hours(t.runSeconds), t.starts,
                    dutyCycle(t), idleDays.get(id), peers.isEmpty() ? null : UtilisationDay.round(median(peers))));
        }
        // most idle first: lowest duty cycle, then most idle days; devices nothing is known of come last
        ranking.sort(Comparator.comparing(UtilisationReport.Ranked::dutyCycle, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(UtilisationReport.Ranked::idleDays, Comparator.reverseOrder())
                .thenComparing(UtilisationReport.Ranked::deviceId));
        return new UtilisationReport(from, to, days, ranking);
    }

    static Double dutyCycle(DayTotals t) {
        return t.knownSeconds > 0 ? UtilisationDay.round(t.runSeconds / t.knownSeconds) : null;
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
