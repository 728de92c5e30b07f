package io.caretaker.simulators.opcua;

import io.caretaker.simulators.SimulatedDevice;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;

/** An air-handling unit on the OPC UA simulator: supply air follows its setpoint, the filter slowly clogs. */
public final class SimulatedAirHandler implements SimulatedDevice {

    static final double SETPOINT = 16.0;
    static final double FAULT_SUPPLY_AIR = 35.0;

    private final String deviceId;
    private final Clock clock;
    private final Random noise = new Random();
    private final UaVariableNode supplyAir;
    private final UaVariableNode setpoint;
    private final UaVariableNode returnAir;
    private final UaVariableNode fanCommand;
    private final UaVariableNode fanStatus;
    private final UaVariableNode filterPressure;
    private final List<UaVariableNode> all;

    private Behaviour behaviour = Behaviour.NORMAL;
    private double filterPa = 120.0;

    SimulatedAirHandler(String deviceId, String prefix, Clock clock, SimulatorNamespace namespace) {
        this.deviceId = deviceId;
        this.clock = clock;
        UaFolderNode folder = namespace.addFolder("Devices/" + deviceId, deviceId);
        supplyAir = namespace.addVariable(folder, prefix + "SupplyAirTemperature", "SupplyAirTemperature", NodeIds.Double);
        setpoint = namespace.addVariable(folder, prefix + "SupplyAirSetpoint", "SupplyAirSetpoint", NodeIds.Double);
        returnAir = namespace.addVariable(folder, prefix + "ReturnAirTemperature", "ReturnAirTemperature", NodeIds.Double);
        fanCommand = namespace.addVariable(folder, prefix + "FanCommand", "FanCommand", NodeIds.Boolean);
        fanStatus = namespace.addVariable(folder, prefix + "FanStatus", "FanStatus", NodeIds.Boolean);
        filterPressure = namespace.addVariable(folder, prefix + "FilterDifferentialPressure",
                "FilterDifferentialPressure", NodeIds.Double);
        all = List.of(supplyAir, setpoint, returnAir, fanCommand, fanStatus, filterPressure);
        tick();
    }

    @Override
    public String deviceId() {
        return deviceId;
    }

    @Override
    public synchronized Behaviour behaviour() {
        return behaviour;
    }

    @Override
    public synchronized void behave(Behaviour next) {
        if (next == behaviour) {
            return;
        }
        behaviour = next;
        if (next == Behaviour.SILENT) {
            // Like a gateway that lost its field device: say so once, then go quiet.
            DataValue lost = new DataValue(Variant.NULL_VALUE, new StatusCode(StatusCodes.Bad_NoCommunication),
                    new DateTime(clock.instant()));
            all.forEach(node -> node.setValue(lost));
        } else {
            tick();
        }
    }

    /** Writes fresh values, each with a new source timestamp even when unchanged, as real PLC servers do. */
    synchronized void tick() {
        if (behaviour == Behaviour.SILENT) {
            return;
        }
        filterPa += 0.01;
        double supply = behaviour == Behaviour.FAULT ? FAULT_SUPPLY_AIR : SETPOINT + jitter(0.2);
        write(supplyAir, supply);
        write(setpoint, SETPOINT);
        write(returnAir, 23.0 + jitter(0.3));
        write(fanCommand, true);
        write(fanStatus, true);
        write(filterPressure, filterPa + jitter(0.5));
    }

    private double jitter(double amplitude) {
        return (noise.nextDouble() * 2 - 1) * amplitude;
    }

    private void write(UaVariableNode node, Object value) {
        DateTime now = new DateTime(clock.instant());
        node.setValue(new DataValue(new Variant(value), StatusCode.GOOD, now, now));
    }
}
