package io.caretaker.hub.rules;

import io.caretaker.deviceprofiles.FaultRule;
import io.caretaker.deviceprofiles.RuleExpression;
import io.caretaker.deviceprofiles.canonical.PointSample;
import io.caretaker.deviceprofiles.canonical.Quality;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An expression rule's memory: the latest GOOD value of each point its conditions read, and since when the raise
 * (or clear) condition has held. Samples observed at the same instant are one snapshot: the conditions are weighed
 * once all of them are in (when a later sample arrives, or on the clock's tick), never on a half-updated row. A
 * point without a usable value, or a rule whose {@code only} does not hold (or has held for less than its {@code
 * settle}), leaves the verdict and its delay as they were; a lost connection forgets a half-run delay rather than guess.
 * A delay counts only the time its condition was seen holding ({@link SeenHolding}): the time a test cannot be made
 * neither counts nor resets it, so a condition seen for a minute before the test became impossible is not taken to
 * have lasted, and a leak seen in several short stretches of testing is raised once they add up.
 */
final class ExpressionState extends DeviceRuleState<FaultRule.Expression> {

    private static final Logger log = LoggerFactory.getLogger(ExpressionState.class);
    /** The furthest #lowest and #highest look back, whatever a profile asks: a day of readings per point at most. */
    static final Duration LONGEST_LOOK_BACK = Duration.ofHours(24);

    private final RuleExpression raise;
    private final RuleExpression clear;
    private final RuleExpression only;
    private final Set<String> points;
    private final Map<String, Object> values = new HashMap<>();
    private final Map<String, PointHistory> recent = new HashMap<>(); // for #lowest and #highest
    private Duration longestLookBack = Duration.ZERO;
    private Instant weighedAt;
    private final SeenHolding seen = new SeenHolding(); // the condition for the next transition: raise, or clear
    private Instant onlySince;
    private Instant pendingAt;
    private boolean warned;

    ExpressionState(String deviceId, FaultRule.Expression rule) {
        super(deviceId, rule);
        this.raise = RuleExpression.parse(rule.when());
        this.clear = rule.clear() == null || rule.clear().when() == null ? null : RuleExpression.parse(rule.clear().when());
        this.only = rule.only() == null ? null : RuleExpression.parse(rule.only());
        values.putAll(rule.parameters());
        Set<String> names = new java.util.HashSet<>(raise.names());
        if (clear != null) {
            names.addAll(clear.names());
        }
        if (only != null) {
            names.addAll(only.names());
        }
        names.removeAll(rule.parameters().keySet());
        this.points = Set.copyOf(names);
        for (RuleExpression condition : new RuleExpression[] {raise, clear, only}) {
            if (condition != null) {
                condition.recentPoints().forEach(point -> recent.put(point, new PointHistory()));
            }
        }
    }

    @Override
    public void resumeActive() {
        super.resumeActive();
        seen.reset();
    }

    @Override
    public RuleEngine.Transition onSample(PointSample sample) {
        if (!points.contains(sample.pointId())) {
            return null;
        }
        RuleEngine.Transition transition = null;
        if (pendingAt != null && sample.observedAt().isAfter(pendingAt)) {
            transition = weigh(pendingAt);
        }
        Object value = sample.value().plain();
        PointHistory history = recent.get(sample.pointId());
        if (sample.quality() == Quality.COMM_LOSS) {
            values.remove(sample.pointId());
            seen.reset();
            onlySince = null;
            if (history != null) {
                history.clear();
            }
        } else if (RuleEngine.usable(sample) && value != null) {
            values.put(sample.pointId(), value);
            if (history != null && value instanceof Number number) {
                history.add(sample.observedAt(), number.doubleValue());
                history.keepWindow(sample.observedAt(), longestLookBack);
            }
        } else {
            values.remove(sample.pointId());
        }
        if (pendingAt == null || sample.observedAt().isAfter(pendingAt)) {
            pendingAt = sample.observedAt();
        }
        return transition;
    }

    @Override
    public RuleEngine.Transition onTick(Instant now) {
        if (pendingAt != null) {
            RuleEngine.Transition transition = weigh(pendingAt);
            if (transition != null) {
                return transition;
            }
        }
        return due(now);
    }

    /** Weighs the snapshot observed at {@code at}: the condition for the next transition holds, fails, or is unknown. */
    private RuleEngine.Transition weigh(Instant at) {
        pendingAt = null;
        weighedAt = at;
        if (only != null && !settled(at)) {
            seen.unknown(at);
            return null; // the test cannot be made now: nothing is learnt, nothing is forgotten
        }
        Boolean holds = active ? clears() : verdict(raise);
        if (holds == null) {
            seen.unknown(at);
            return null;
        }
        if (!holds) {
            seen.reset();
            return null;
        }
        seen.holds(at);
        return due(at);
    }

    /** Whether {@code only} holds at {@code at} and has held for the rule's settle time. */
    private boolean settled(Instant at) {
        if (!Boolean.TRUE.equals(verdict(only))) {
            onlySince = null;
            return false;
        }
        if (onlySince == null) {
            onlySince = at;
        }
        return Duration.between(onlySince, at).compareTo(rule.settle()) >= 0;
    }

    private Boolean clears() {
        if (clear != null) {
            return verdict(clear);
        }
        Boolean raised = verdict(raise);
        return raised == null ? null : !raised;
    }

    private Boolean verdict(RuleExpression condition) {
        for (String name : condition.names()) {
            if (!values.containsKey(name)) {
                return null;
            }
        }
        try {
            return condition.test(values, lookBack);
        } catch (IllegalArgumentException e) {
            // the profile checks try every condition at start-up; a value of an unexpected type still must not stop ingest
            if (!warned) {
                warned = true;
                log.warn("rule cannot be weighed device={} rule={} cause={}", deviceId, rule.id(), e.getMessage());
            }
            return null;
        }
    }

    /**
     * #lowest and #highest over the readings this state kept. It keeps each point's readings for the longest look-back
     * asked so far (at most {@link #LONGEST_LOOK_BACK}), so a window that grows (a fan slowing down) is short of history
     * only the first time it is asked.
     */
    private final RuleExpression.Recent lookBack = new RuleExpression.Recent() {

        @Override
        public double lowest(String point, double minutes) {
            return recent.get(point).lowestSince(weighedAt.minus(window(minutes)));
        }

        @Override
        public double highest(String point, double minutes) {
            return recent.get(point).highestSince(weighedAt.minus(window(minutes)));
        }

        private Duration window(double minutes) {
            Duration window = minutes > 0 ? Duration.ofSeconds(Math.round(Math.min(minutes, LONGEST_LOOK_BACK.toMinutes()) * 60))
                    : Duration.ZERO; // NaN, from a point with no reading, looks back no further than the latest
            if (window.compareTo(longestLookBack) > 0) {
                longestLookBack = window;
            }
            return window;
        }
    };

    private RuleEngine.Transition due(Instant now) {
        if (!seen.lasted(active ? rule.clearDelay() : rule.forDuration(), now)) {
            return null;
        }
        seen.reset();
        active = !active;
        return active ? RuleEngine.Transition.raise(now) : RuleEngine.Transition.clear(now);
    }
}
