package io.caretaker.deviceprofiles;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a profile or site file is invalid; the hub refuses to start rather than run half-configured. */
public class InvalidConfigurationException extends RuntimeException {

    private final List<ConfigurationProblem> problems;

    public InvalidConfigurationException(List<ConfigurationProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigurationProblem> problems() {
        return problems;
    }

    private static String describe(List<ConfigurationProblem> problems) {
        return problems.size() + (problems.size() == 1 ? " problem" : " problems")
                + " in device configuration; fix and start again:\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
    }
}
