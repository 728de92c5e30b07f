package io.caretaker.hub.backtest;

import io.caretaker.deviceprofiles.Severity;
import java.time.Duration;
import java.time.Instant;

/** One alarm a backtest raised: when, and when it cleared (null: still active at the end of the history). */
public record BacktestAlarm(String deviceId, String ruleId, Severity severity, String message, Instant raisedAt,
                            Instant clearedAt) {

    BacktestAlarm clearedAt(Instant at) {
        return new BacktestAlarm(deviceId, ruleId, severity, message, raisedAt, at);
    }

    /** Whether the alarm was active at this instant. */
    public boolean activeAt(Instant at) {
        return !at.isBefore(raisedAt) && (clearedAt == null || at.isBefore(clearedAt));
    }

    public Duration duration(Instant end) {
        return Duration.between(raisedAt, clearedAt == null ? end : clearedAt);
    }
}
