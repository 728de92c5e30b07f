package io.caretaker.connectors.modbus;

import io.caretaker.deviceprofiles.DeviceProfile;
import io.caretaker.deviceprofiles.ModbusBinding;
import io.caretaker.deviceprofiles.ModbusBinding.ByteOrder;
import io.caretaker.deviceprofiles.ModbusBinding.Table;
import io.caretaker.deviceprofiles.ModbusBinding.WordOrder;
import io.caretaker.deviceprofiles.ModbusProfile;
import io.caretaker.deviceprofiles.Point;
import io.caretaker.deviceprofiles.Protocol;
import java.util.List;
import java.util.OptionalInt;

/**
 * A point's Modbus binding with the profile's defaults applied: wire addresses (0-based), the function that reads
 * it, and the byte and word order in force.
 */
record ModbusPoint(Point point, ModbusBinding binding, int address, WordOrder wordOrder, ByteOrder byteOrder,
                   OptionalInt scaleAddress, int readFunction) {

    static ModbusPoint of(Point point, ModbusProfile profile) {
        ModbusBinding binding = point.bindings().modbus();
        OptionalInt scale = binding.scaleRegister() == null
                ? OptionalInt.empty()
                : OptionalInt.of(profile.wireAddress(binding.scaleRegister()));
        int function = switch (binding.table()) {
            case COIL -> 1;
            case DISCRETE_INPUT -> 2;
            case HOLDING_REGISTER -> 3;
            case INPUT_REGISTER -> profile.inputRegisterFunction();
        };
        return new ModbusPoint(point, binding, profile.wireAddress(binding.address()), profile.wordOrderOf(binding),
                profile.byteOrderOf(binding), scale, function);
    }

    static List<ModbusPoint> of(DeviceProfile profile) {
        return profile.pointsBoundTo(Protocol.MODBUS).stream().map(p -> of(p, profile.modbus())).toList();
    }

    Table table() {
        return binding.table();
    }

    String id() {
        return point.id();
    }

    int count() {
        return binding.registerCount();
    }
}
