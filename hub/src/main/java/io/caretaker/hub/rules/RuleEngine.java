package io.caretaker.hub.rules;

import io.caretaker.deviceprofiles.DeviceProfile;
import io.caretaker.deviceprofiles.FaultRule;
import io.caretaker.deviceprofiles.ProfileCatalog;
import io.caretaker.deviceprofiles.RuleOverrides;
import io.caretaker.deviceprofiles.canonical.DeviceEvent;
import io.caretaker.deviceprofiles.canonical.PointSample;
import io.caretaker.deviceprofiles.canonical.Quality;
import io.caretaker.deviceprofiles.site.InstalledDevice;
import io.caretaker.deviceprofiles.site.Site;
import io.caretaker.hub.calendar.WorkingCalendar;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Runs every installed device's fault rules: point rules on each sample, event rules on each device event, and
 * all rules on a clock tick (a {@code for} that has run out, a device that went quiet). Fed from the single ingest
 * route, so it is never called concurrently. It also decides suppression by design: a device that is lost (its
 * connector says COMM_LOSS, or its no-data rule is active) suppresses its point rules, and a rule's
 * {@code suppressWhen} plant condition suppresses that rule. Its verdicts go to an {@link AlarmSink}, so history
 * can be replayed through the same rules.
 */
@Component
public class RuleEngine {

    static final String DEVICE_LOST = "device lost (COMM_LOSS)";
    static final String DEVICE_SILENT = "device not reporting";

    private final Map<String, DeviceRules> devices = new HashMap<>();
    private final AlarmSink alarms;
    private final RuleSchedules schedules;

    /** An engine whose schedules count on the site file's calendar alone, with no calendar file. */
    public RuleEngine(Site site, ProfileCatalog profiles, AlarmSink alarms, Clock clock) {
        this(site, profiles, alarms, clock, WorkingCalendar.of(site), Map.of());
    }

    /** The hub's engine: schedules count on the site's one working calendar, the one SLA due times count on. */
    @Autowired
    public RuleEngine(Site site, ProfileCatalog profiles, AlarmSink alarms, Clock clock, WorkingCalendar calendar) {
        this(site, profiles, alarms, clock, calendar, Map.of());
    }

    /**
     * An engine whose expression rules use, per device id, some parameters set otherwise than in the profile (a
     * backtest's mapping file; a site's values for one device).
     */
    public RuleEngine(Site site, ProfileCatalog profiles, AlarmSink alarms, Clock clock, WorkingCalendar calendar,
                      Map<String, Map<String, Double>> parametersByDevice) {
        this.alarms = alarms;
        this.schedules = new RuleSchedules(calendar);
        for (InstalledDevice device : site.devices()) {
            DeviceProfile profile = profiles.get(device.profile());
            List<RuleState> states = new ArrayList<>();
            for (FaultRule rule : RuleOverrides.rulesOf(site, device, profile)) {
                RuleState state = stateFor(device.id(), rule, parametersByDevice.getOrDefault(device.id(), Map.of()));
                if (state != null) {
                    states.add(state);
                }
            }
            devices.put(device.id(), new DeviceRules(states));
        }
        // after a restart, the alarms still active in the store are the rules' starting state
        for (AlarmSink.ActiveRule alarm : alarms.active()) {
            DeviceRules device = devices.get(alarm.deviceId());
            if (device != null) {
                device.states.stream().filter(s -> s.rule().id().equals(alarm.ruleId())).forEach(s -> {
                    s.resumeActive();
                    if (s instanceof NoDataState) {
                        device.silent = true;
                    }
                });
            }
        }
        // and the suppressions still in the store are what the engine has told the sink so far
        for (AlarmSink.ActiveRule suppressed : alarms.suppressed()) {
            DeviceRules device = devices.get(suppressed.deviceId());
            if (device != null) {
                device.told.put(suppressed.ruleId(), "restored from store");
            }
        }
    }

    private static RuleState stateFor(String deviceId, FaultRule rule, Map<String, Double> parameters) {
        if (rule instanceof FaultRule.Threshold threshold) {
            return new ThresholdState(deviceId, threshold);
        } else if (rule instanceof FaultRule.NoData noData) {
            // counted from the first tick, once ingest runs, not from this bean's creation
            return new NoDataState(deviceId, noData, null);
        } else if (rule instanceof FaultRule.FlatLine flatLine) {
            return new FlatLineState(deviceId, flatLine);
        } else if (rule instanceof FaultRule.RateOfChange rate) {
            return new RateOfChangeState(deviceId, rate);
        } else if (rule instanceof FaultRule.Spike spike) {
            return new SpikeState(deviceId, spike);
        } else if (rule instanceof FaultRule.CommandFeedback commandFeedback) {
            return new CommandFeedbackState(deviceId, commandFeedback);
        } else if (rule instanceof FaultRule.CounterBackwards counter) {
            return new CounterBackwardsState(deviceId, counter);
        } else if (rule instanceof FaultRule.Starts starts) {
            return new StartsState(deviceId, starts);
        } else if (rule instanceof FaultRule.Event event) {
            return new EventState(deviceId, event);
        } else if (rule instanceof FaultRule.Expression expression) {
            return new ExpressionState(deviceId, expression.withParameters(parameters));
        }
        return null;
    }

    public void onSample(PointSample sample) {
        DeviceRules device = devices.get(sample.deviceId());
        if (device == null) {
            return;
        }
        for (RuleState state : device.states) {
            if (!schedules.isOpen(state.rule().schedule(), sample.observedAt())) {
                state.forgetPending();
                continue;
            }
            apply(device, state, state.onSample(sample));
        }
        device.commLost = sample.quality() == Quality.COMM_LOSS;
        device.observePlant(sample);
        reconcileSuppression(device, sample.deviceId(), sample.observedAt());
    }

    public void onEvent(DeviceEvent event) {
        DeviceRules device = devices.get(event.deviceId());
        if (device == null) {
            return;
        }
        for (RuleState state : device.states) {
            apply(device, state, state.onEvent(event));
        }
        if (DeviceEvent.CONNECTION_LOST.equals(event.type())) {
            device.commLost = true;
        } else if (DeviceEvent.CONNECTION_RESTORED.equals(event.type())) {
            device.commLost = false;
        }
        reconcileSuppression(device, event.deviceId(), event.observedAt());
    }

    public void onTick(Instant now) {
        for (Map.Entry<String, DeviceRules> entry : devices.entrySet()) {
            DeviceRules device = entry.getValue();
            for (RuleState state : device.states) {
                if (!schedules.isOpen(state.rule().schedule(), now)) {
                    state.forgetPending();
                    continue;
                }
                apply(device, state, state.onTick(now));
            }
            reconcileSuppression(device, entry.getKey(), now);
        }
    }

    private void apply(DeviceRules device, RuleState state, Transition transition) {
        if (transition == null) {
            return;
        }
        if (state instanceof NoDataState) {
            device.silent = transition.raised();
        }
        try {
            if (transition.raised()) {
                alarms.raise(state.deviceId(), state.rule(), transition.at());
            } else {
                alarms.clear(state.deviceId(), state.rule().id(), transition.at());
            }
        } catch (RuntimeException e) {
            // the sink did not keep the verdict (a database error): the rule goes back to where the sink has it, so
            // the next sample or tick judges it again rather than the fault being lost behind an "already active"
            state.notKept(transition);
            if (state instanceof NoDataState) {
                device.silent = !transition.raised();
            }
            throw e;
        }
    }

    /** Tells the sink where a rule's suppression by design began or ended; it hears each change once. */
    private void reconcileSuppression(DeviceRules device, String deviceId, Instant now) {
        for (RuleState state : device.states) {
            String reason = device.suppressionOf(state.rule(), now);
            String told = device.told.get(state.rule().id());
            if (Objects.equals(reason, told)) {
                continue;
            }
            if (reason == null) {
                device.told.remove(state.rule().id());
                alarms.unsuppress(deviceId, state.rule().id(), now);
            } else {
                device.told.put(state.rule().id(), reason);
                alarms.suppress(deviceId, state.rule().id(), reason, now);
            }
        }
    }

    /** Point rules are the ones a lost device makes meaningless; its no-data and event rules still speak. */
    static boolean isPointRule(FaultRule rule) {
        return !(rule instanceof FaultRule.NoData) && !(rule instanceof FaultRule.Event);
    }

    /** One device's rule states and what suppresses them. */
    private static final class DeviceRules {

        final List<RuleState> states;
        final Map<String, PlantCondition> plants = new HashMap<>();
        final Map<String, String> told = new HashMap<>();
        boolean commLost;
        boolean silent;

        DeviceRules(List<RuleState> states) {
            this.states = states;
            Set<FaultRule.SuppressWhen> conditions = new HashSet<>();
            for (RuleState state : states) {
                if (state.rule().suppressWhen() != null && conditions.add(state.rule().suppressWhen())) {
                    plants.put(key(state.rule().suppressWhen()), new PlantCondition(state.rule().suppressWhen()));
                }
            }
        }

        void observePlant(PointSample sample) {
            for (PlantCondition plant : plants.values()) {
                plant.observe(sample);
            }
        }

        String suppressionOf(FaultRule rule, Instant now) {
            if (isPointRule(rule)) {
                if (commLost) {
                    return DEVICE_LOST;
                }
                if (silent) {
                    return DEVICE_SILENT;
                }
            }
            if (rule.suppressWhen() != null) {
                PlantCondition plant = plants.get(key(rule.suppressWhen()));
                if (plant.suppresses(now)) {
                    return plant.reason();
                }
            }
            return null;
        }

        private static String key(FaultRule.SuppressWhen condition) {
            return condition.toString();
        }
    }

    /** A rule's verdict changed: raised or cleared, at this instant. */
    record Transition(boolean raised, Instant at) {

        static Transition raise(Instant at) {
            return new Transition(true, at);
        }

        static Transition clear(Instant at) {
            return new Transition(false, at);
        }
    }

    /** One rule of one device, with the memory its time behaviour needs. */
    sealed interface RuleState permits DeviceRuleState {

        String deviceId();

        FaultRule rule();

        Transition onSample(PointSample sample);

        Transition onTick(Instant now);

        /** A device event; only event rules care. */
        default Transition onEvent(DeviceEvent event) {
            return null;
        }

        /** Outside the rule's schedule: drop half-run delays and windows, keep whether it is active. */
        default void forgetPending() {
        }

        void resumeActive();

        /** The sink did not keep this transition: back to the verdict before it, so the rule judges again. */
        void notKept(Transition transition);
    }

    static boolean usable(PointSample sample) {
        return sample.quality() == Quality.GOOD;
    }
}
