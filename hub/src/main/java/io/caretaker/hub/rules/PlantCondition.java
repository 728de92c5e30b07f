package io.caretaker.hub.rules;

import io.caretaker.deviceprofiles.FaultRule;
import io.caretaker.deviceprofiles.canonical.PointSample;
import java.time.Instant;
import java.util.OptionalDouble;

/**
 * Whether a rule's plant is off (fan status false), from the plant point's GOOD samples. Suppression holds while
 * the plant is off and {@code settle} longer once it is back, while temperatures recover. Unknown until the plant
 * point is first heard: no suppression without evidence.
 */
final class PlantCondition {

    private final FaultRule.SuppressWhen condition;
    private boolean off;
    private Instant backOnAt;

    PlantCondition(FaultRule.SuppressWhen condition) {
        this.condition = condition;
    }

    void observe(PointSample sample) {
        if (!sample.pointId().equals(condition.point()) || !RuleEngine.usable(sample)) {
            return;
        }
        OptionalDouble value = sample.value().asDouble();
        if (value.isEmpty()) {
            return;
        }
        boolean nowOff = condition.suppresses(value.getAsDouble());
        if (off && !nowOff) {
            backOnAt = sample.observedAt();
        }
        off = nowOff;
    }

    boolean suppresses(Instant now) {
        return off || (backOnAt != null && now.isBefore(backOnAt.plus(condition.settle())));
    }

    String reason() {
        if (condition.is() != null) {
            return "plant off: " + condition.point() + " is " + condition.is();
        }
        return "plant off: " + condition.point() + (condition.below() != null ? " below " + condition.below() : " above " + condition.above());
    }
}
