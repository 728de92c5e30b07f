package io.caretaker.connectors.modbus;

import io.caretaker.deviceprofiles.ModbusBinding.Table;
import io.caretaker.deviceprofiles.Point;
import java.util.List;

/** One Modbus read request: {@code count} registers (or bits) of one table from {@code start}, and the points in it. */
record ReadBlock(Table table, int start, int count, List<Point> points) {

    ReadBlock {
        points = List.copyOf(points);
    }

    int end() {
        return start + count;
    }
}
