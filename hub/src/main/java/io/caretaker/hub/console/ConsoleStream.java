package io.caretaker.hub.console;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /console/stream} (and {@code /api/stream} for API clients): server-sent events telling open pages what changed ({@code alarms},
 * {@code workorders}), so the alarm board and the work-order board fetch their new state at once, without a reload.
 * Every event the alarms or work-order features publish counts, once its transaction has committed, so the page
 * reads what the event announced.
 */
@Controller
class ConsoleStream {

    private static final Logger log = LoggerFactory.getLogger(ConsoleStream.class);
    private static final long TIMEOUT = Duration.ofMinutes(30).toMillis();

    private final List<SseEmitter> pages = new CopyOnWriteArrayList<>();

    @GetMapping(path = {"/console/stream", "/api/stream"}, produces = "text/event-stream")
    SseEmitter stream() throws IOException {
        SseEmitter page = new SseEmitter(TIMEOUT);
        page.onCompletion(() -> pages.remove(page));
        page.onTimeout(page::complete);
        page.onError(e -> pages.remove(page));
        pages.add(page);
        page.send(SseEmitter.event().comment("connected"));
        return page;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onEvent(Object event) {
        Object payload = event instanceof org.springframework.context.PayloadApplicationEvent<?> p ? p.getPayload() : event;
        String feature = payload.getClass().getPackageName();
        if (feature.startsWith("io.caretaker.hub.alarms")) {
            send("alarms");
        } else if (feature.startsWith("io.caretaker.hub.workorders")) {
            // a work order names its alarm on the board, so both boards follow
            send("workorders");
            send("alarms");
        }
    }

    /** Keeps proxies from closing a quiet stream and finds pages that went away. */
    @Scheduled(fixedDelayString = "PT20S")
    void heartbeat() {
        for (SseEmitter page : pages) {
            try {
                page.send(SseEmitter.event().comment("heartbeat"));
            } catch (IOException | IllegalStateException e) {
                pages.remove(page);
            }
        }
    }

    int openPages() {
        return pages.size();
    }

    private void send(String what) {
        for (SseEmitter page : pages) {
            try {
                page.send(SseEmitter.event().name(what).data(what));
            } catch (IOException | IllegalStateException e) {
                log.debug("console page went away cause={}", e.toString());
                pages.remove(page);
            }
        }
    }
}
