package io.caretaker.deviceprofiles.canonical;

/** A point's value: a number, a boolean or a text; {@link #absent()} when a device sent nothing usable. */
public sealed interface Value {

    record Number(double value) implements Value {}

    record Bool(boolean value) implements Value {}

    record Text(String value) implements Value {}

    record Absent() implements Value {}

    static Value of(double value) {
        return new Number(value);
    }

    static Value of(boolean value) {
        return new Bool(value);
    }

    static Value of(String value) {
        return new Text(value);
    }

    static Value absent() {
        return new Absent();
    }

    /** The value as a number for threshold rules: booleans count as 1 and 0, text and absent as none. */
    default java.util.OptionalDouble asDouble() {
        if (this instanceof Number n) {
            return java.util.OptionalDouble.of(n.value());
        }
        if (this instanceof Bool b) {
            return java.util.OptionalDouble.of(b.value() ? 1 : 0);
        }
        return java.util.OptionalDouble.empty();
    }

    /** The plain Java value (Double, Boolean, String or null), for JSON and storage. */
    default Object plain() {
        if (this instanceof Number n) {
            return n.value();
        }
        if (this instanceof Bool b) {
            return b.value();
        }
        if (this instanceof Text t) {
            return t.value();
        }
        return null;
    }
}
