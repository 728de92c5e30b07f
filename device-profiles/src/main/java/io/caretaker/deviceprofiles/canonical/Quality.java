package io.caretaker.deviceprofiles.canonical;

/** How far a sample can be trusted; COMM_LOSS means the device could not be reached at all. */
public enum Quality {
    GOOD,
    UNCERTAIN,
    BAD,
    COMM_LOSS
}
