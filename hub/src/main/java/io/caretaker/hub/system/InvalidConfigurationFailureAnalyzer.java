package io.caretaker.hub.system;

import io.caretaker.deviceprofiles.ConfigurationProblem;
import io.caretaker.deviceprofiles.InvalidConfigurationException;
import java.util.stream.Collectors;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * An invalid profile or site file stops start-up with Spring Boot's "APPLICATION FAILED TO START" report, which
 * names each file, line and field once, instead of a stack trace that repeats them through every bean that needed
 * the site.
 */
class InvalidConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidConfigurationException cause) {
        int n = cause.problems().size();
        String problems = cause.problems().stream().map(ConfigurationProblem::toString).map(p -> "  " + p)
                .collect(Collectors.joining("\n"));
        return new FailureAnalysis(n + (n == 1 ? " problem" : " problems") + " in the device configuration:\n" + problems,
                "Correct the site file (caretaker.site.file) or device profile at each line named above, then start the hub again."
                        + " device-profiles/README.md documents every field.", cause);
    }
}
