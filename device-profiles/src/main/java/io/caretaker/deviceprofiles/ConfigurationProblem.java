package io.caretaker.deviceprofiles;

/** One thing wrong in a profile or site file, placed so a person can find it: file, line and field. */
public record ConfigurationProblem(String file, int line, String field, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + (field.isEmpty() ? "" : field + ": ") + message;
    }
}
