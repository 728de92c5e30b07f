package io.caretaker.connectors.modbus;

import io.caretaker.deviceprofiles.ModbusBinding;
import io.caretaker.deviceprofiles.ModbusBinding.Table;
import io.caretaker.deviceprofiles.Point;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Packs a profile's Modbus points into as few read requests as the protocol allows. */
final class ReadPlanner {

    /** Modbus limits per request: 125 registers (function 3/4), 2000 bits (function 1/2). */
    static final int MAX_REGISTERS = 125;
    static final int MAX_BITS = 2000;

    private ReadPlanner() {
    }

    /**
     * Sorts each table's points by address and grows a block while the next point still fits within the
     * request limit, gaps included: one round trip costs far more than a few unused registers.
     */
    static List<ReadBlock> plan(List<Point> points) {
        Map<Table, List<Point>> byTable = new EnumMap<>(Table.class);
        for (Point point : points) {
            ModbusBinding binding = point.bindings().modbus();
            if (binding != null) {
                byTable.computeIfAbsent(binding.table(), t -> new ArrayList<>()).add(point);
            }
        }
        List<ReadBlock> blocks = new ArrayList<>();
        byTable.forEach((table, tablePoints) -> blocks.addAll(planTable(table, tablePoints)));
        return blocks;
    }

    private static List<ReadBlock> planTable(Table table, List<Point> points) {
        int limit = table.isBit() ? MAX_BITS : MAX_REGISTERS;
        List<Point> sorted = points.stream()
                .sorted(Comparator.comparingInt(p -> p.bindings().modbus().address()))
                .toList();
        List<ReadBlock> blocks = new ArrayList<>();
        List<Point> current = new ArrayList<>();
        int start = 0;
        int end = 0;
        for (Point point : sorted) {
            ModbusBinding binding = point.bindings().modbus();
            int pointEnd = binding.address() + binding.registerCount();
            if (!current.isEmpty() && pointEnd - start > limit) {
                blocks.add(new ReadBlock(table, start, end - start, current));
                current = new ArrayList<>();
            }
            if (current.isEmpty()) {
                start = binding.address();
                end = pointEnd;
            }
            current.add(point);
            end = Math.max(end, pointEnd);
        }
        if (!current.isEmpty()) {
            blocks.add(new ReadBlock(table, start, end - start, current));
        }
        return blocks;
    }
}
