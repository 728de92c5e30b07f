package io.caretaker.simulators.model;

import io.caretaker.deviceprofiles.DeviceProfile;
import io.caretaker.deviceprofiles.FaultRule;
import io.caretaker.deviceprofiles.Point;
import io.caretaker.deviceprofiles.PointKind;
import io.caretaker.deviceprofiles.Simulation.Message;
import io.caretaker.deviceprofiles.Simulation.PointModel;
import io.caretaker.deviceprofiles.Simulation;
import io.caretaker.deviceprofiles.canonical.Value;
import io.caretaker.deviceprofiles.site.Site;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One simulated device's values over time, computed from its profile's {@code simulate} section: each step
 * advances every point's model to the given instant; behaviours (faults, idle habits, silence) switch on and off.
 * Protocol-blind: a Modbus image, OPC UA nodes or MQTT payloads show its values. Given the same seed and the same
 * step instants it produces the same values, so a scenario replays identically.
 */
public final class DeviceModel {

    private final String deviceId;
    private final String topicId;
    private final DeviceProfile profile;
    private final Simulation simulation;
    private final ZoneId zone;
    private final Predicate<LocalDate> workingDay;
    private final Random random;
    private final long phase;
    /** Each point's value without noise, wave or drift: what follow, integrate and count go on from. */
    private final Map<String, Double> state = new HashMap<>();
    private final Map<String, Value> values = new LinkedHashMap<>();
    private final Map<String, Instant> pulseUntil = new HashMap<>();
    private final Map<String, Boolean> lastSeen = new HashMap<>();
    private final Map<String, Instant> behaviours = new LinkedHashMap<>();
    private final Map<String, Value> held = new HashMap<>();
    /** Each schedule slot's hours, parsed once: parsing them at every step was most of a week's fill (DemoHistory). */
    private final Map<Simulation.Slot, LocalTime[]> slotHours = new IdentityHashMap<>();
    private Instant last;
    private boolean silent;

    /** A device whose schedules count working days on a calendar of Saturday and Sunday weekends without holidays. */
    public DeviceModel(String deviceId, String topicId, DeviceProfile profile, ZoneId zone, long seed, Instant start) {
        this(deviceId, topicId, profile, zone, workingDays(new Site.Calendar(null, null)), seed, start);
    }

    /** {@code workingDay} tells the schedules' {@code days: working} and {@code non-working} slots which days are which. */
    public DeviceModel(String deviceId, String topicId, DeviceProfile profile, ZoneId zone, Predicate<LocalDate> workingDay, long seed,
                       Instant start) {
        if (profile.simulate() == null) {
            throw new IllegalArgumentException("profile " + profile.id() + " of device " + deviceId
                    + " has no simulate section; add one to simulate it");
        }
        this.deviceId = deviceId;
        this.topicId = topicId == null ? deviceId : topicId;
        this.profile = profile;
        this.simulation = profile.simulate();
        this.zone = zone;
        this.workingDay = workingDay;
        this.random = new Random(seed * 1_000_003L + deviceId.hashCode());
        // devices of one type do not all switch at the same instant
        this.phase = Math.floorMod(deviceId.hashCode() * 2_654_435_761L, 86_400_000L);
        this.last = start;
        // a few passes, so points that copy or follow others start from their sources' first values
        for (int pass = 0; pass < 3; pass++) {
            compute(start, 0);
        }
    }

    public String deviceId() {
        return deviceId;
    }

    public DeviceProfile profile() {
        return profile;
    }

    public synchronized boolean silent() {
        return silent;
    }

    public synchronized Map<String, Value> values() {
        return Map.copyOf(values);
    }

    public synchronized Value value(String pointId) {
        return values.getOrDefault(pointId, Value.absent());
    }

    /** The behaviours on now, SILENT included, in the order they began. */
    public synchronized List<String> behaviours() {
        List<String> on = new ArrayList<>(behaviours.keySet());
        if (silent) {
            on.add("SILENT");
        }
        return on;
    }

    /** The behaviours this device's profile knows, besides the built-in NORMAL and SILENT. */
    public Set<String> knownBehaviours() {
        return simulation.behaviours().keySet();
    }

    /** Advances every point to {@code now}; returns the messages the device sends by itself meanwhile. */
    public synchronized List<Outgoing> step(Instant now) {
        double seconds = Duration.between(last, now).toNanos() / 1e9;
        if (seconds <= 0) {
            return List.of();
        }
        compute(now, seconds);
        last = now;
        List<Outgoing> out = new ArrayList<>();
        if (silent) {
            return out;
        }
        for (Message message : simulation.messages()) {
            maybeSend(message, seconds, now, out);
        }
        for (String name : behaviours.keySet()) {
            for (Message message : simulation.behaviours().get(name).messages()) {
                maybeSend(message, seconds, now, out);
            }
        }
        return out;
    }

    /**
     * Switches a behaviour on: a name from the profile, {@code SILENT} (stops answering and sending) or
     * {@code NORMAL} (every behaviour off). Returns the messages the change sends.
     *
     * @throws IllegalArgumentException naming the behaviours the profile knows
     */
    public synchronized List<Outgoing> begin(String behaviour, Instant at) {
        if (behaviour.equalsIgnoreCase("NORMAL")) {
            List<Outgoing> out = new ArrayList<>();
            for (String name : List.copyOf(behaviours.keySet())) {
                out.addAll(end(name, at));
            }
            silent = false;
            return out;
        }
        if (behaviour.equalsIgnoreCase("SILENT")) {
            silent = true;
            return List.of();
        }
        Simulation.Behaviour spec = simulation.behaviours().get(behaviour);
        if (spec == null) {
            throw new IllegalArgumentException("device " + deviceId + " (profile " + profile.id() + ") has no behaviour '"
                    + behaviour + "'; it knows NORMAL, SILENT and " + knownBehaviours());
        }
        if (behaviours.containsKey(behaviour)) {
            return List.of();
        }
        behaviours.put(behaviour, at);
        spec.points().forEach((point, model) -> {
            if (Boolean.TRUE.equals(model.hold())) {
                held.put(point, values.get(point));
            }
            if (model.set() != null) {
                state.put(point, model.set());
            }
        });
        compute(at, 0);
        return render(spec.onStart(), at);
    }

    /** Switches a behaviour off ({@code SILENT}: the device answers again). Returns the messages the change sends. */
    public synchronized List<Outgoing> end(String behaviour, Instant at) {
        if (behaviour.equalsIgnoreCase("SILENT")) {
            silent = false;
            return List.of();
        }
        if (behaviours.remove(behaviour) == null) {
            return List.of();
        }
        Simulation.Behaviour spec = simulation.behaviours().get(behaviour);
        spec.points().keySet().forEach(held::remove);
        compute(at, 0);
        return render(spec.onEnd(), at);
    }

    private void compute(Instant now, double seconds) {
        Map<String, Value> before = Map.copyOf(values);
        for (Point point : profile.points()) {
            Since model = effective(point.id());
            if (model == null) {
                values.putIfAbsent(point.id(), initial(point));
                continue;
            }
            values.put(point.id(), evaluate(point, model, before, now, seconds));
        }
    }

    /** The model in force for a point: its normal one, changed by each behaviour on, in the order they began. */
    private Since effective(String pointId) {
        PointModel model = simulation.points().get(pointId);
        Instant since = last;
        for (Map.Entry<String, Instant> on : behaviours.entrySet()) {
            PointModel changed = simulation.behaviours().get(on.getKey()).points().get(pointId);
            if (changed != null) {
                model = changed.over(model);
                since = on.getValue();
            }
        }
        return model == null ? null : new Since(model, since);
    }

    private record Since(PointModel model, Instant since) {
    }

    private Value evaluate(Point point, Since in, Map<String, Value> before, Instant now, double seconds) {
        PointModel m = in.model();
        if (Boolean.TRUE.equals(m.hold()) && held.get(point.id()) != null) {
            return held.get(point.id());
        }
        Object raw = generate(point, m, before, now, seconds);
        if (m.lag() != null && m.follow() == null && raw instanceof Double target) {
            Double x = state.get(point.id());
            x = x == null ? target : x + (target - x) * (1 - Math.exp(-seconds / (m.lag().toMillis() / 1000.0)));
            state.put(point.id(), x);
            raw = x;
        }
        if (Boolean.TRUE.equals(m.invert()) && raw instanceof Boolean b) {
            raw = !b;
        }
        if (raw instanceof Double x && point.kind() == PointKind.NUMBER) {
            double out = x;
            if (m.wave() != null) {
                double t = now.toEpochMilli() / 1000.0;
                out += m.wave().amplitude() * Math.sin(2 * Math.PI * t / m.wave().period().toSeconds());
            }
            if (m.drift() != null) {
                out += m.drift() * Duration.between(in.since(), now).toSeconds() / 3600.0;
            }
            if (m.noise() != null && m.noise() > 0) {
                out += random.nextGaussian() * m.noise();
            }
            // a simulated sensor stays within what the point can physically read
            if (point.range() != null && point.range().min() != null) {
                out = Math.max(point.range().min(), out);
            }
            if (point.range() != null && point.range().max() != null) {
                out = Math.min(point.range().max(), out);
            }
            return Value.of(Math.round(out * 1000) / 1000.0);
        }
        return convert(point, raw);
    }

    private Object generate(Point point, PointModel m, Map<String, Value> before, Instant now, double seconds) {
        String id = point.id();
        if (m.whileOn() != null && m.follow() == null && !truthy(before.get(m.whileOn()))) {
            return m.otherwise();
        }
        if (!m.schedule().isEmpty()) {
            LocalDateTime local = now.atZone(zone).toLocalDateTime();
            for (Simulation.Slot slot : m.schedule()) {
                if (within(local, slot)) {
                    return number(slot.value());
                }
            }
            return number(m.value());
        }
        if (m.value() != null) {
            return number(m.value());
        }
        if (m.cycle() != null) {
            long period = m.cycle().period().toMillis();
            return Math.floorMod(now.toEpochMilli() + phase, period) < m.cycle().on().toMillis();
        }
        if (m.pulse() != null) {
            Instant until = pulseUntil.get(id);
            if (until != null && now.isBefore(until)) {
                return true;
            }
            if (seconds > 0 && happens(seconds, m.pulse().every())) {
                pulseUntil.put(id, now.plus(m.pulse().forDuration()));
                return true;
            }
            return false;
        }
        if (m.copy() != null) {
            return before.containsKey(m.copy()) ? before.get(m.copy()).plain() : null;
        }
        if (m.follow() != null) {
            double target;
            if (m.whileOn() != null && !truthy(before.get(m.whileOn()))) {
                target = m.otherwise() == null ? 0 : m.otherwise();
            } else {
                target = numeric(before.get(m.follow())) + (m.offset() == null ? 0 : m.offset());
            }
            Double x = state.get(id);
            if (x == null) {
                x = m.start() != null ? m.start() : target;
            } else {
                double lag = (m.lag() == null ? Duration.ofMinutes(1) : m.lag()).toMillis() / 1000.0;
                x = x + (target - x) * (1 - Math.exp(-seconds / lag));
            }
            state.put(id, x);
            return x;
        }
        if (m.integrate() != null) {
            double x = state.getOrDefault(id, m.start() == null ? 0 : m.start());
            x += numeric(before.get(m.integrate())) * (m.perHour() == null ? 1 : m.perHour()) * seconds / 3600.0;
            state.put(id, x);
            return x;
        }
        if (m.count() != null) {
            double x = state.getOrDefault(id, m.start() == null ? 0 : m.start());
            boolean on = truthy(before.get(m.count()));
            if (seconds == 0 && !lastSeen.containsKey(id)) {
                // the first look at the source is where counting starts, not an edge
                lastSeen.put(id, on);
            }
            if (on && !lastSeen.getOrDefault(id, false)) {
                x += 1;
            }
            lastSeen.put(id, on);
            state.put(id, x);
            return x;
        }
        return null;
    }

    private boolean happens(double seconds, Duration every) {
        return random.nextDouble() < 1 - Math.exp(-seconds / (every.toMillis() / 1000.0));
    }

    /** Within the slot's hours on one of its days; a slot past midnight belongs to the day it opened. */
    private boolean within(LocalDateTime local, Simulation.Slot slot) {
        LocalTime[] hours = slotHours.computeIfAbsent(slot, s -> new LocalTime[] {
                LocalTime.parse(s.from()), s.to().equals("24:00") ? LocalTime.MAX : LocalTime.parse(s.to())});
        LocalTime from = hours[0];
        LocalTime to = hours[1];
        if (from.equals(to)) {
            return false; // an empty slot (a rule schedule's equal ends mean the whole day)
        }
        return FaultRule.Schedule.openedOn(local, from, to).map(opened -> slot.days().includes(workingDay.test(opened))).orElse(false);
    }

    /** The working days of a site file's calendar: not a weekend day, not a holiday. */
    public static Predicate<LocalDate> workingDays(Site.Calendar calendar) {
        return day -> !calendar.weekend().contains(day.getDayOfWeek()) && !calendar.holidays().contains(day);
    }

    private static Object number(Object value) {
        return value instanceof Number n ? (Object) n.doubleValue() : value;
    }

    private static boolean truthy(Value value) {
        return value != null && value.asDouble().orElse(0) != 0;
    }

    private static double numeric(Value value) {
        return value == null ? 0 : value.asDouble().orElse(0);
    }

    private static Value convert(Point point, Object raw) {
        if (raw == null) {
            return initial(point);
        }
        return switch (point.kind()) {
            case NUMBER -> raw instanceof Boolean b ? Value.of(b ? 1 : 0)
                    : raw instanceof Number n ? Value.of(n.doubleValue()) : Value.of(Double.parseDouble(raw.toString()));
            case BOOLEAN -> raw instanceof Boolean b ? Value.of(b) : Value.of(raw instanceof Number n && n.doubleValue() != 0);
            case TEXT -> Value.of(raw.toString());
        };
    }

    private static Value initial(Point point) {
        return switch (point.kind()) {
            case NUMBER -> Value.of(point.range() != null && point.range().min() != null ? point.range().min() : 0);
            case BOOLEAN -> Value.of(false);
            case TEXT -> Value.of("");
        };
    }

    private void maybeSend(Message message, double seconds, Instant now, List<Outgoing> out) {
        if (message.every() != null && happens(seconds, message.every())) {
            out.add(render(message, now));
        }
    }

    private List<Outgoing> render(List<Message> messages, Instant at) {
        return messages.stream().map(m -> render(m, at)).toList();
    }

    private Outgoing render(Message message, Instant at) {
        String text = message.text()
                .replace("{device}", deviceId)
                .replace("{time}", at.toString())
                .replace("{epoch}", Long.toString(at.getEpochSecond()))
                .replace("{n}", String.format(Locale.ROOT, "%04d", 1000 + random.nextInt(9000)));
        String topic = message.topic() == null ? null : message.topic().replace("{id}", topicId);
        return new Outgoing(topic, text);
    }
}
