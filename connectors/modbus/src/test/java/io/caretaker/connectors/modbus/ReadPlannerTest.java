package io.caretaker.connectors.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.caretaker.deviceprofiles.ModbusBinding;
import io.caretaker.deviceprofiles.ModbusBinding.DataType;
import io.caretaker.deviceprofiles.ModbusBinding.Table;
import io.caretaker.deviceprofiles.ModbusProfile;
import io.caretaker.deviceprofiles.ModbusProfile.RegisterNumbering;
import io.caretaker.deviceprofiles.Point;
import io.caretaker.deviceprofiles.PointKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadPlannerTest {

    private static final ModbusProfile DEFAULTS = ModbusProfile.defaults();

    @Test
    void theSdm630LayoutIsOneRequest() {
        List<ModbusPoint> points = List.of(
                point("voltage_l1", Table.INPUT_REGISTER, 0, DataType.FLOAT32, DEFAULTS),
                point("frequency", Table.INPUT_REGISTER, 70, DataType.FLOAT32, DEFAULTS),
                point("import_energy", Table.INPUT_REGISTER, 72, DataType.FLOAT32, DEFAULTS),
                point("total_power", Table.INPUT_REGISTER, 52, DataType.FLOAT32, DEFAULTS));

        assertThat(ReadPlanner.plan(points, ModbusProfile.ANY_GAP))
                .extracting(ReadBlock::function, ReadBlock::start, ReadBlock::count)
                .containsExactly(tuple(4, 0, 74));
    }

    @Test
    void aGapLargerThanMaxGapStartsANewRequest() {
        List<ModbusPoint> points = List.of(
                point("a", Table.INPUT_REGISTER, 0, DataType.FLOAT32, DEFAULTS),
                point("b", Table.INPUT_REGISTER, 12, DataType.FLOAT32, DEFAULTS),   // gap of 10 after a
                point("c", Table.INPUT_REGISTER, 52, DataType.FLOAT32, DEFAULTS));  // gap of 38 after b

        assertThat(ReadPlanner.plan(points, 10)).extracting(ReadBlock::start, ReadBlock::count)
                .containsExactly(tuple(0, 14), tuple(52, 2));
        assertThat(ReadPlanner.plan(points, 9)).extracting(ReadBlock::start, ReadBlock::count)
                .containsExactly(tuple(0, 2), tuple(12, 2), tuple(52, 2));
        assertThat(ReadPlanner.plan(points, 0)).hasSize(3);
        assertThat(ReadPlanner.plan(points, 38)).extracting(ReadBlock::start, ReadBlock::count)
                .containsExactly(tuple(0, 54));
    }

    @Test
    void splitsAt125RegistersAndByFunction() {
        List<ModbusPoint> points = List.of(
                point("a", Table.HOLDING_REGISTER, 0, DataType.UINT16, DEFAULTS),
                point("b", Table.HOLDING_REGISTER, 123, DataType.UINT32, DEFAULTS),
                point("c", Table.HOLDING_REGISTER, 124, DataType.UINT32, DEFAULTS),
                point("run", Table.COIL, 10, null, DEFAULTS),
                point("trip", Table.COIL, 1500, null, DEFAULTS));

        List<ReadBlock> plan = ReadPlanner.plan(points, ModbusProfile.ANY_GAP);

        assertThat(plan).extracting(ReadBlock::function, ReadBlock::start, ReadBlock::count).containsExactly(
                tuple(1, 10, 1491),
                tuple(3, 0, 125),
                tuple(3, 124, 2));
        assertThat(plan).allSatisfy(block -> assertThat(block.count())
                .isLessThanOrEqualTo(block.isBits() ? ReadPlanner.MAX_BITS : ReadPlanner.MAX_REGISTERS));
    }

    @Test
    void oneBasedNumbersAndFunctionThreeForInputRegistersAreResolved() {
        ModbusProfile vendor = new ModbusProfile(RegisterNumbering.ONE_BASED, 3, null, null, null);
        List<ModbusPoint> points = List.of(
                point("voltage", Table.INPUT_REGISTER, 1, DataType.FLOAT32, vendor),
                point("setpoint", Table.HOLDING_REGISTER, 5, DataType.INT16, vendor));

        // register 1 is wire address 0, and both tables are read with function 3, so one request serves them
        assertThat(ReadPlanner.plan(points, ModbusProfile.ANY_GAP))
                .extracting(ReadBlock::function, ReadBlock::start, ReadBlock::count)
                .containsExactly(tuple(3, 0, 5));
    }

    @Test
    void theScaleRegisterIsReadToo() {
        ModbusBinding withScale = new ModbusBinding(Table.HOLDING_REGISTER, 40, DataType.UINT16, null, null,
                null, null, null, null, null, null, 60, null);
        ModbusPoint power = ModbusPoint.of(new Point("power", "power", "W", PointKind.NUMBER, null,
                new Point.Bindings(withScale, null, null)), DEFAULTS);

        assertThat(ReadPlanner.plan(List.of(power), 5)).extracting(ReadBlock::start, ReadBlock::count)
                .containsExactly(tuple(40, 1), tuple(60, 1));
        assertThat(ReadPlanner.plan(List.of(power), 19)).extracting(ReadBlock::start, ReadBlock::count)
                .containsExactly(tuple(40, 21));
    }

    private static ModbusPoint point(String id, Table table, int address, DataType type, ModbusProfile profile) {
        PointKind kind = table.isBit() ? PointKind.BOOLEAN : PointKind.NUMBER;
        return ModbusPoint.of(new Point(id, id, null, kind, null,
                new Point.Bindings(new ModbusBinding(table, address, type, null, null), null, null)), profile);
    }
}
