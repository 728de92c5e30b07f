package io.caretaker.connectors.modbus;

import static org.assertj.core.api.Assertions.assertThat;

import io.caretaker.deviceprofiles.ModbusBinding;
import io.caretaker.deviceprofiles.ModbusBinding.DataType;
import io.caretaker.deviceprofiles.ModbusBinding.Table;
import io.caretaker.deviceprofiles.Point;
import io.caretaker.deviceprofiles.PointKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadPlannerTest {

    @Test
    void theSdm630LayoutIsOneRequest() {
        List<Point> points = List.of(
                point("voltage_l1", Table.INPUT_REGISTER, 0, DataType.FLOAT32),
                point("frequency", Table.INPUT_REGISTER, 70, DataType.FLOAT32),
                point("import_energy", Table.INPUT_REGISTER, 72, DataType.FLOAT32),
                point("total_power", Table.INPUT_REGISTER, 52, DataType.FLOAT32));

        List<ReadBlock> plan = ReadPlanner.plan(points);

        assertThat(plan).singleElement().satisfies(block -> {
            assertThat(block.start()).isZero();
            assertThat(block.count()).isEqualTo(74);
        });
    }

    @Test
    void splitsAt125RegistersAndByTable() {
        List<Point> points = List.of(
                point("a", Table.HOLDING_REGISTER, 0, DataType.UINT16),
                point("b", Table.HOLDING_REGISTER, 123, DataType.UINT32),
                point("c", Table.HOLDING_REGISTER, 124, DataType.UINT32),
                point("run", Table.COIL, 10, DataType.UINT16),
                point("trip", Table.COIL, 1500, DataType.UINT16));

        List<ReadBlock> plan = ReadPlanner.plan(points);

        assertThat(plan).extracting(ReadBlock::table, ReadBlock::start, ReadBlock::count).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Table.COIL, 10, 1491),
                org.assertj.core.groups.Tuple.tuple(Table.HOLDING_REGISTER, 0, 125),
                org.assertj.core.groups.Tuple.tuple(Table.HOLDING_REGISTER, 124, 2));
        assertThat(plan).allSatisfy(block -> assertThat(block.count())
                .isLessThanOrEqualTo(block.table().isBit() ? ReadPlanner.MAX_BITS : ReadPlanner.MAX_REGISTERS));
    }

    private static Point point(String id, Table table, int address, DataType type) {
        return new Point(id, id, null, PointKind.NUMBER, null,
                new Point.Bindings(new ModbusBinding(table, address, type, null, null), null, null));
    }
}
