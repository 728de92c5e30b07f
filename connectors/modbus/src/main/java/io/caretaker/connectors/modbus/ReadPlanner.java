package io.caretaker.connectors.modbus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Packs a device's Modbus points (and the scale registers they need) into as few read requests as allowed. */
final class ReadPlanner {

    /** Modbus limits per request: 125 registers (function 3/4), 2000 bits (function 1/2). */
    static final int MAX_REGISTERS = 125;
    static final int MAX_BITS = 2000;

    private ReadPlanner() {
    }

    /**
     * Groups the spans by read function, sorts them by address and grows a request while the next span fits within
     * the request limit and leaves at most {@code maxGap} unused registers before it: one round trip costs far more
     * than a few unused registers, but some devices refuse a read that touches an address they do not map
     * ({@code maxGap: 0} for those). Bits are cheap and never split by the gap.
     */
    static List<ReadBlock> plan(List<ModbusPoint> points, int maxGap) {
        Map<Integer, List<int[]>> spans = new TreeMap<>();
        for (ModbusPoint point : points) {
            spans.computeIfAbsent(point.readFunction(), f -> new ArrayList<>()).add(new int[] {point.address(), point.count()});
            point.scaleAddress().ifPresent(sf -> spans.get(point.readFunction()).add(new int[] {sf, 1}));
        }
        List<ReadBlock> blocks = new ArrayList<>();
        spans.forEach((function, list) -> blocks.addAll(planFunction(function, list, maxGap)));
        return blocks;
    }

    private static List<ReadBlock> planFunction(int function, List<int[]> spans, int maxGap) {
        boolean bits = function == 1 || function == 2;
        int limit = bits ? MAX_BITS : MAX_REGISTERS;
        int gapLimit = bits ? MAX_BITS : Math.max(0, maxGap);
        List<int[]> sorted = spans.stream().sorted(Comparator.comparingInt(s -> s[0])).toList();
        List<ReadBlock> blocks = new ArrayList<>();
        int start = -1;
        int end = -1;
        for (int[] span : sorted) {
            int spanEnd = span[0] + span[1];
            boolean fits = start >= 0 && Math.max(end, spanEnd) - start <= limit && span[0] - end <= gapLimit;
            if (start >= 0 && !fits) {
                blocks.add(new ReadBlock(function, start, end - start));
                start = -1;
            }
            if (start < 0) {
                start = span[0];
                end = spanEnd;
            } else {
                end = Math.max(end, spanEnd);
            }
        }
        if (start >= 0) {
            blocks.add(new ReadBlock(function, start, end - start));
        }
        return blocks;
    }
}
