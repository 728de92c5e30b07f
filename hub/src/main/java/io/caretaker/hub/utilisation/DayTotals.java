package io.caretaker.hub.utilisation;

/** Seconds known, run and run unoccupied, and starts, added up as intervals close; not shared between threads. */
final class DayTotals {

    double knownSeconds;
    double runSeconds;
    double unoccupiedRunSeconds;
    long starts;

    DayTotals() {
    }

    DayTotals(double knownSeconds, double runSeconds, double unoccupiedRunSeconds, long starts) {
        this.knownSeconds = knownSeconds;
        this.runSeconds = runSeconds;
        this.unoccupiedRunSeconds = unoccupiedRunSeconds;
        this.starts = starts;
    }

    void add(DayTotals other) {
        knownSeconds += other.knownSeconds;
        runSeconds += other.runSeconds;
        unoccupiedRunSeconds += other.unoccupiedRunSeconds;
        starts += other.starts;
    }
}
