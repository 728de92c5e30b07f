package io.caretaker.hub.utilisation;

/** Why a device looks idle or wasted; each opens at most one IDLE_REVIEW work order per device at a time. */
public enum IdleFinding {
    /** It did not run at all for the configured number of days, while it was reporting. */
    NEVER_RAN("idle-never-ran"),
    /** It ran outside the site's occupied hours, though its profile says it serves occupants only. */
    RAN_UNOCCUPIED("idle-ran-unoccupied"),
    /** Its duty cycle is far below that of the other devices of its profile. */
    BELOW_PEERS("idle-below-peers");

    private final String id;

    IdleFinding(String id) {
        this.id = id;
    }

    /** The id the work order carries as its rule. */
    public String id() {
        return id;
    }
}
