package io.caretaker.hub.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.caretaker.deviceprofiles.site.Site;
import io.caretaker.hub.workorders.Tier;
import io.caretaker.hub.workorders.WorkOrder;
import io.caretaker.hub.workorders.WorkOrderKind;
import io.caretaker.hub.workorders.WorkOrderService;
import io.caretaker.hub.workorders.WorkOrderStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The service desk's board and cards: the most urgent clock first, and every due time a work order was given. */
class ServiceDeskTest {

    private static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");

    private final WorkOrderService workOrders = mock(WorkOrderService.class);
    private final ServiceDesk desk = new ServiceDesk(workOrders,
            new Site("t", "Test", ZoneId.of("Asia/Shanghai"), new Site.Calendar(null, null), List.of()), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void theOpenColumnPutsOverdueWorkFirstThenTheSoonestDueAndTheWorseTierWithinAMinute() {
        when(workOrders.all(null)).thenReturn(List.of(
                open(1, Tier.MINOR, NOW.plusSeconds(85 * 60 + 10)),
                open(2, Tier.IMPORTANT, NOW.plusSeconds(86 * 60)),
                open(3, Tier.MAJOR, NOW.plusSeconds(85 * 60 + 40)),     // the same minute as 1: the worse tier first
                open(4, Tier.LIFE_SAFETY, NOW.minusSeconds(33 * 60)),   // overdue
                open(5, Tier.MINOR, NOW.plusSeconds(10 * 60))));

        assertThat(desk.board(null).get(WorkOrderStatus.OPEN)).extracting(WorkOrderCard::id).containsExactly(4L, 5L, 3L, 1L, 2L);
    }

    @Test
    void aCardShowsTheClockThatRunsNowAmongAllItsDueTimesInSiteTime() {
        WorkOrder dispatched = new WorkOrder(7, WorkOrderKind.CORRECTIVE, "ahu-1", "supply-air-too-hot", Tier.MAJOR, WorkOrderStatus.DISPATCHED,
                "Supply air too hot", null, null, null, null, "li.wei", NOW.minus(Duration.ofHours(1)), NOW.minus(Duration.ofMinutes(30)),
                NOW.plus(Duration.ofMinutes(20)), NOW.plus(Duration.ofHours(23)), null, null, null, 1, 0, null, null);

        WorkOrderCard card = desk.card(dispatched);

        assertThat(card.clock().due()).isEqualTo("respond");
        assertThat(card.clock().remaining()).isEqualTo(new WorkOrderCard.Span("span.hours", 0, 20));
        assertThat(card.deadlines()).extracting(WorkOrderCard.Deadline::due, WorkOrderCard.Deadline::at, WorkOrderCard.Deadline::running)
                .containsExactly(
                        tuple("dispatch", OffsetDateTime.parse("2026-11-23T09:30+08:00"), false),
                        tuple("respond", OffsetDateTime.parse("2026-11-23T10:20+08:00"), true),
                        tuple("resolve", OffsetDateTime.parse("2026-11-24T09:00+08:00"), false));
    }

    private static WorkOrder open(long id, Tier tier, Instant dispatchBy) {
        return new WorkOrder(id, WorkOrderKind.CORRECTIVE, "dev-" + id, "rule", tier, WorkOrderStatus.OPEN, "Work " + id, null, null, null,
                null, null, NOW.minus(Duration.ofHours(1)), dispatchBy, dispatchBy.plus(Duration.ofHours(2)), dispatchBy.plus(Duration.ofDays(1)),
                null, null, null, 1, 0, null, null);
    }
}
