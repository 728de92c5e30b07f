package io.caretaker.hub.ingest;

import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/dead-letters}: the messages set aside, and how many per device and cause. */
@RestController
class DeadLetterController {

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping("/api/dead-letters")
    Map<String, Object> deadLetters() {
        List<DeadLetters.DeadLetter> latest = deadLetters.latest();
        return Map.of("counts", deadLetters.counts(), "latest", latest);
    }
}
