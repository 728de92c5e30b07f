package io.caretaker.connectors.modbus;

import io.caretaker.deviceprofiles.PointKind;
import io.caretaker.deviceprofiles.canonical.PointSample;
import io.caretaker.deviceprofiles.canonical.Quality;
import io.caretaker.deviceprofiles.canonical.Value;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads one device's points: the planned requests over one link, then each point decoded from what came back. */
final class ModbusDeviceReader implements AutoCloseable {

    private final String deviceId;
    private final ModbusLink link;
    private final List<ModbusPoint> points;
    private final List<ReadBlock> plan;

    ModbusDeviceReader(String deviceId, ModbusLink link, List<ModbusPoint> points, int maxGap) {
        this.deviceId = deviceId;
        this.link = link;
        this.points = List.copyOf(points);
        this.plan = ReadPlanner.plan(points, maxGap);
    }

    List<ReadBlock> plan() {
        return plan;
    }

    /** Reads every request of the plan; any failure fails the whole poll (the link closes itself). */
    List<PointSample> read(Instant at) throws Exception {
        Map<Integer, Map<Integer, Integer>> image = new HashMap<>();
        for (ReadBlock block : plan) {
            int[] words = block.isBits()
                    ? link.readBits(block.function(), block.start(), block.count())
                    : link.readRegisters(block.function(), block.start(), block.count());
            Map<Integer, Integer> table = image.computeIfAbsent(block.function(), f -> new HashMap<>());
            for (int i = 0; i < words.length; i++) {
                table.put(block.start() + i, words[i]);
            }
        }
        List<PointSample> samples = new ArrayList<>(points.size());
        for (ModbusPoint point : points) {
            samples.add(sample(point, image.get(point.readFunction()), at));
        }
        return samples;
    }

    private PointSample sample(ModbusPoint point, Map<Integer, Integer> table, Instant at) {
        int[] words = new int[point.count()];
        for (int i = 0; i < words.length; i++) {
            words[i] = table.get(point.address() + i);
        }
        if (point.table().isBit()) {
            return point.point().sample(deviceId, at, at, Value.of(words[0] == 1));
        }
        int scaleFactor = point.scaleAddress().isPresent() ? (short) (int) table.get(point.scaleAddress().getAsInt()) : 0;
        if (scaleFactor == Short.MIN_VALUE) {
            // SunSpec's "not implemented" marker (0x8000): the value has no known scale
            return new PointSample(deviceId, point.id(), at, at, Value.absent(), Quality.BAD);
        }
        Value value = RegisterDecoder.decode(point, words, 0, scaleFactor);
        if (point.point().kind() == PointKind.BOOLEAN && value instanceof Value.Number n) {
            value = Value.of(n.value() != 0);
        }
        if (value instanceof Value.Number n && !Double.isFinite(n.value())) {
            // a float NaN is how many meters say "no reading"; it is not a number to alarm on
            return new PointSample(deviceId, point.id(), at, at, Value.absent(), Quality.BAD);
        }
        return point.point().sample(deviceId, at, at, value);
    }

    @Override
    public void close() {
        link.close();
    }
}
