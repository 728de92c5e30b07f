package io.caretaker.hub.system;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports a {@link RefusedToStart} as what is wrong and what to do, without a stack trace. */
class RefusedToStartFailureAnalyzer extends AbstractFailureAnalyzer<RefusedToStart> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, RefusedToStart cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
