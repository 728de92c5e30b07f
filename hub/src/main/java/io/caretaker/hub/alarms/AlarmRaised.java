package io.caretaker.hub.alarms;

/** Published when a new alarm is raised (not when an existing one recurs), so work orders can follow. */
public record AlarmRaised(Alarm alarm) {
}
