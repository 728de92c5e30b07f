package io.caretaker.connectors.modbus;

import io.caretaker.deviceprofiles.PointKind;
import io.caretaker.deviceprofiles.canonical.PointSample;
import io.caretaker.deviceprofiles.canonical.Quality;
import io.caretaker.deviceprofiles.canonical.Value;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads one device's points: the planned requests over one link, then each point decoded from what came back. */
final class ModbusDeviceReader implements AutoCloseable {

    private final String deviceId;
    private final ModbusLink link;
    private final List<ModbusPoint> points;
    private final List<ReadBlock> plan;
    /** Per point, where its words and its scale register sit in the plan's answers: found once, not on every poll. */
    private final List<Located> located;

    ModbusDeviceReader(String deviceId, ModbusLink link, List<ModbusPoint> points, int maxGap) {
        this.deviceId = deviceId;
        this.link = link;
        this.points = List.copyOf(points);
        this.plan = ReadPlanner.plan(points, maxGap);
        this.located = this.points.stream().map(p -> new Located(p,
                Word.in(plan, p.readFunction(), p.address(), p.count()),
                p.scaleAddress().isPresent() ? Word.in(plan, p.readFunction(), p.scaleAddress().getAsInt(), 1) : null)).toList();
    }

    List<ReadBlock> plan() {
        return plan;
    }

    /** Reads every request of the plan; any failure fails the whole poll (the link closes itself). */
    List<PointSample> read(Instant at) throws Exception {
        int[][] answers = new int[plan.size()][];
        for (int b = 0; b < answers.length; b++) {
            ReadBlock block = plan.get(b);
            answers[b] = block.isBits()
                    ? link.readBits(block.function(), block.start(), block.count())
                    : link.readRegisters(block.function(), block.start(), block.count());
        }
        List<PointSample> samples = new ArrayList<>(located.size());
        for (Located point : located) {
            samples.add(sample(point, answers, at));
        }
        return samples;
    }

    private PointSample sample(Located located, int[][] answers, Instant at) {
        ModbusPoint point = located.point();
        int[] words = answers[located.words().block()];
        int offset = located.words().offset();
        if (point.table().isBit()) {
            return point.point().sample(deviceId, at, at, Value.of(words[offset] == 1));
        }
        Word scale = located.scale();
        int scaleFactor = scale == null ? 0 : (short) answers[scale.block()][scale.offset()];
        if (scaleFactor == Short.MIN_VALUE) {
            // SunSpec's "not implemented" marker (0x8000): the value has no known scale
            return new PointSample(deviceId, point.id(), at, at, Value.absent(), Quality.BAD);
        }
        Value value = RegisterDecoder.decode(point, words, offset, scaleFactor);
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

    /** A point and where its words ({@code scale}: its SunSpec scale register, or null) are in a poll's answers. */
    private record Located(ModbusPoint point, Word words, Word scale) {
    }

    /** The first word of a run of words: which request of the plan answers it, at which offset in that answer. */
    private record Word(int block, int offset) {

        static Word in(List<ReadBlock> plan, int function, int address, int count) {
            for (int b = 0; b < plan.size(); b++) {
                ReadBlock block = plan.get(b);
                if (block.function() == function && address >= block.start() && address + count <= block.end()) {
                    return new Word(b, address - block.start());
                }
            }
            throw new IllegalStateException("the read plan " + plan + " does not cover function " + function
                    + " addresses " + address + ".." + (address + count - 1));
        }
    }
}
