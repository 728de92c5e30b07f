package io.caretaker.deviceprofiles;

/** The physically plausible range of a numeric point; a value outside it is BAD, not a fault. */
public record Range(Double min, Double max) {

    public boolean contains(double value) {
        return (min == null || value >= min) && (max == null || value <= max);
    }
}
