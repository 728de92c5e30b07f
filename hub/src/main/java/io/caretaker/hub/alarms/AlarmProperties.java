package io.caretaker.hub.alarms;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Alarm handling ({@code caretaker.alarms.*}): the longest an operator may shelve an alarm, how often expired shelves
 * are checked, when an alarm counts as chattering, and the KPI thresholds for a flood and a stale alarm.
 */
@Validated
@ConfigurationProperties("caretaker.alarms")
public record AlarmProperties(@NotNull Duration maxShelve, @NotNull Duration shelfCheckEvery, @NotNull @Valid Chattering chattering,
                              @NotNull @Valid Kpi kpi) {

    /** An alarm chatters when it activates at least {@code activations} times within {@code within}. */
    public record Chattering(@Min(2) int activations, @NotNull Duration within) {
    }

    /**
     * A flood is at least {@code floodAt} annunciated alarms in one 10-minute interval (ISA-18.2: 10); an alarm is
     * stale when active longer than {@code staleAfter}; a KPI window is at most {@code maxWindow} long.
     */
    public record Kpi(@Min(1) int floodAt, @NotNull Duration staleAfter, @NotNull Duration maxWindow) {
    }
}
