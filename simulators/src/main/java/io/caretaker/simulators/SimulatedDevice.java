package io.caretaker.simulators;

/** A simulated device on a real protocol server; a scenario or a person switches its behaviour. */
public interface SimulatedDevice {

    String deviceId();

    Behaviour behaviour();

    void behave(Behaviour behaviour);

    /** What a simulated device is doing: working, faulty (a value out of its band), or silent (not answering). */
    enum Behaviour {
        NORMAL,
        FAULT,
        SILENT
    }
}
