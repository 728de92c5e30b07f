package io.caretaker.hub.alarms;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Takes alarms off the shelf when their shelf runs out, every {@code caretaker.alarms.shelf-check-every}. */
@Component
class ShelfWatch {

    private final AlarmService alarms;

    ShelfWatch(AlarmService alarms) {
        this.alarms = alarms;
    }

    @Scheduled(initialDelayString = "${caretaker.alarms.shelf-check-every}", fixedDelayString = "${caretaker.alarms.shelf-check-every}")
    void expireShelves() {
        alarms.expireShelves();
    }
}
