package io.caretaker.hub.alarms;

import static io.caretaker.hub.alarms.TestAlarms.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.caretaker.deviceprofiles.FaultRule;
import io.caretaker.deviceprofiles.Severity;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Every ISA-18.2 transition of an alarm, on a clock the test moves. */
class AlarmLifeCycleTest {

    private final TestAlarms t = TestAlarms.onH2();
    private final AlarmService alarms = t.service;
    private final FaultRule overVoltage = rule("over_voltage", Severity.IMPORTANT);

    private Instant now() {
        return t.clock.instant();
    }

    @Test
    void aRaisedAlarmIsAnnunciatedAcknowledgedClearedAndAudited() {
        Alarm raised = alarms.raise("meter-1", overVoltage, now());
        assertThat(raised.state()).isEqualTo(AlarmState.ACTIVE_UNACKED);
        assertThat(raised.annunciated()).isTrue();
        assertThat(t.published(AlarmRaised.class)).extracting(e -> e.alarm().id()).containsExactly(raised.id());

        t.clock.advance(Duration.ofMinutes(5));
        Alarm acked = alarms.acknowledge(raised.id(), "operator-li", null);
        assertThat(acked.state()).isEqualTo(AlarmState.ACTIVE_ACKED);

        t.clock.advance(Duration.ofMinutes(5));
        alarms.clear("meter-1", "over_voltage", now());
        Alarm cleared = alarms.find(raised.id()).orElseThrow();
        assertThat(cleared.state()).isEqualTo(AlarmState.NORMAL);
        assertThat(cleared.clearedAt()).isEqualTo(now());

        assertThat(alarms.history(raised.id())).extracting(AlarmEvent::action, AlarmEvent::state, AlarmEvent::actor, AlarmEvent::at)
                .containsExactly(
                        tuple(AlarmAction.RAISED, AlarmState.ACTIVE_UNACKED, "caretaker", TestAlarms.T0),
                        tuple(AlarmAction.ACKNOWLEDGED, AlarmState.ACTIVE_ACKED, "operator-li", TestAlarms.T0.plus(Duration.ofMinutes(5))),
                        tuple(AlarmAction.CLEARED, AlarmState.NORMAL, "caretaker", TestAlarms.T0.plus(Duration.ofMinutes(10))));
        assertThat(t.published(AlarmChanged.class)).extracting(AlarmChanged::action, e -> e.alarm().state())
                .containsExactly(tuple(AlarmAction.RAISED, AlarmState.ACTIVE_UNACKED), tuple(AlarmAction.ACKNOWLEDGED, AlarmState.ACTIVE_ACKED),
                        tuple(AlarmAction.CLEARED, AlarmState.NORMAL));
    }

    @Test
    void aClearedUnacknowledgedAlarmWaitsForAcknowledgementAndThenEnds() {
        Alarm raised = alarms.raise("meter-1", overVoltage, now());
        alarms.clear("meter-1", "over_voltage", now().plusSeconds(30));
        assertThat(alarms.find(raised.id()).orElseThrow().state()).isEqualTo(AlarmState.RETURNED_UNACKED);

        t.clock.advance(Duration.ofMinutes(1));
        Alarm acked = alarms.acknowledge(raised.id(), "operator-li", "seen");
        assertThat(acked.state()).isEqualTo(AlarmState.NORMAL);

        Alarm next = alarms.raise("meter-1", overVoltage, now().plusSeconds(600));
        assertThat(next.id()).isNotEqualTo(raised.id());
        assertThat(alarms.history(raised.id()).get(2).reason()).isEqualTo("seen");
    }

    @Test
    void aFaultBackBeforeAcknowledgementRecursOnTheSameAlarm() {
        Alarm raised = alarms.raise("meter-1", overVoltage, now());
        alarms.clear("meter-1", "over_voltage", now().plusSeconds(120));
        Alarm again = alarms.raise("meter-1", overVoltage, now().plusSeconds(300));

        assertThat(again.id()).isEqualTo(raised.id());
        assertThat(again.state()).isEqualTo(AlarmState.ACTIVE_UNACKED);
        assertThat(again.occurrences()).isEqualTo(2);
        assertThat(again.clearedAt()).isNull();
        // a repeat while active changes nothing
        assertThat(alarms.raise("meter-1", overVoltage, now().plusSeconds(400)).occurrences()).isEqualTo(2);
        assertThat(alarms.history(raised.id())).extracting(AlarmEvent::action)
                .containsExactly(AlarmAction.RAISED, AlarmAction.CLEARED, AlarmAction.RECURRED);
    }

    @Test
    void onlyAnUnacknowledgedAlarmCanBeAcknowledged() {
        Alarm raised = alarms.raise("meter-1", overVoltage, now());
        alarms.acknowledge(raised.id(), "operator-li", null);

        assertThatThrownBy(() -> alarms.acknowledge(raised.id(), "operator-li", null))
                .isInstanceOf(IllegalAlarmActionException.class).hasMessageContaining("ACTIVE_ACKED");
        assertThatThrownBy(() -> alarms.acknowledge(9999, "operator-li", null))
                .isInstanceOf(AlarmService.NoSuchAlarmException.class);
    }

    @Test
    void aShelvedAlarmIsNotAnnunciatedUntilItsShelfRunsOut() {
        Alarm raised = alarms.raise("ahu-1", overVoltage, now());
        alarms.acknowledge(raised.id(), "operator-li", null);
        alarms.clear("ahu-1", "over_voltage", now());
        Alarm nuisance = alarms.raise("ahu-1", overVoltage, now().plusSeconds(1));
        t.published.clear();

        Alarm shelved = alarms.shelve(nuisance.id(), "operator-li", "sensor being replaced", now().plus(Duration.ofHours(2)));
        assertThat(shelved.shelf()).isEqualTo(new Alarm.Shelf("sensor being replaced", "operator-li", now(), now().plus(Duration.ofHours(2))));

        // it keeps moving through its states, but nothing reaches the operator or the work orders
        alarms.clear("ahu-1", "over_voltage", now().plusSeconds(60));
        alarms.raise("ahu-1", overVoltage, now().plusSeconds(120));
        Alarm whileShelved = alarms.find(nuisance.id()).orElseThrow();
        assertThat(whileShelved.state()).isEqualTo(AlarmState.ACTIVE_UNACKED);
        assertThat(whileShelved.annunciated()).isFalse();
        assertThat(t.published(AlarmRaised.class)).isEmpty();

        t.clock.advance(Duration.ofHours(1));
        assertThat(alarms.expireShelves()).isEmpty();
        t.clock.advance(Duration.ofHours(1));
        assertThat(alarms.expireShelves()).extracting(Alarm::id).containsExactly(nuisance.id());

        Alarm back = alarms.find(nuisance.id()).orElseThrow();
        assertThat(back.shelved()).isFalse();
        assertThat(back.annunciated()).isTrue();
        assertThat(t.published(AlarmRaised.class)).extracting(e -> e.alarm().id()).containsExactly(nuisance.id());
        assertThat(alarms.history(nuisance.id())).extracting(AlarmEvent::action, AlarmEvent::actor, AlarmEvent::annunciated).containsSubsequence(
                tuple(AlarmAction.SHELVED, "operator-li", false), tuple(AlarmAction.RECURRED, "caretaker", false),
                tuple(AlarmAction.SHELF_EXPIRED, "caretaker", true));
    }

    @Test
    void aNewAlarmOfAShelvedRuleIsRecordedButNotAnnunciatedAndUnshelvingAnnunciatesIt() {
        Alarm first = alarms.raise("ahu-1", overVoltage, now());
        alarms.shelve(first.id(), "operator-li", "chattering sensor", now().plus(Duration.ofMinutes(30)));
        alarms.clear("ahu-1", "over_voltage", now());
        alarms.acknowledge(first.id(), "operator-li", null);
        t.published.clear();

        Alarm second = alarms.raise("ahu-1", overVoltage, now().plusSeconds(10));
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(second.shelved()).isTrue();
        assertThat(second.annunciated()).isFalse();
        assertThat(t.published(AlarmRaised.class)).isEmpty();

        Alarm unshelved = alarms.unshelve(second.id(), "operator-wang", "sensor fixed");
        assertThat(unshelved.shelved()).isFalse();
        assertThat(unshelved.annunciated()).isTrue();
        assertThat(t.published(AlarmRaised.class)).extracting(e -> e.alarm().id()).containsExactly(second.id());
        assertThatThrownBy(() -> alarms.unshelve(second.id(), "operator-wang", null))
                .isInstanceOf(IllegalAlarmActionException.class).hasMessageContaining("not shelved");
    }

    @Test
    void shelvingNeedsAReasonAnEndWithinTheMaximumAndNeverAppliesToLifeSafety() {
        Alarm alarm = alarms.raise("ahu-1", overVoltage, now());
        Alarm fire = alarms.raise("panel-1", rule("fire_alarm", Severity.LIFE_SAFETY), now());

        assertThatThrownBy(() -> alarms.shelve(alarm.id(), "operator-li", " ", now().plusSeconds(60)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a reason");
        assertThatThrownBy(() -> alarms.shelve(alarm.id(), "operator-li", "noisy", now()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("in the future");
        assertThatThrownBy(() -> alarms.shelve(alarm.id(), "operator-li", "noisy", now().plus(Duration.ofHours(8)).plusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most PT8H");
        assertThatThrownBy(() -> alarms.shelve(fire.id(), "operator-li", "noisy", now().plusSeconds(60)))
                .isInstanceOf(IllegalAlarmActionException.class).hasMessageContaining("LIFE_SAFETY");

        alarms.shelve(alarm.id(), "operator-li", "noisy", now().plus(Duration.ofHours(8)));
        assertThatThrownBy(() -> alarms.shelve(alarm.id(), "operator-li", "noisy", now().plusSeconds(60)))
                .isInstanceOf(IllegalAlarmActionException.class).hasMessageContaining("already shelved");
        assertThat(alarms.history(alarm.id())).extracting(AlarmEvent::action).containsExactly(AlarmAction.RAISED, AlarmAction.SHELVED);
    }

    @Test
    void anAlarmOutOfServiceIsNotAnnunciatedUntilReturnedToService() {
        Alarm alarm = alarms.raise("chiller-1", overVoltage, now());
        alarms.acknowledge(alarm.id(), "operator-li", null);
        alarms.clear("chiller-1", "over_voltage", now());

        assertThatThrownBy(() -> alarms.removeFromService(alarm.id(), "engineer-zhao", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a reason");
        Alarm removed = alarms.removeFromService(alarm.id(), "engineer-zhao", "permit 1234: chiller overhaul");
        assertThat(removed.outOfService()).isEqualTo(new Alarm.OutOfService("permit 1234: chiller overhaul", "engineer-zhao", now()));
        assertThatThrownBy(() -> alarms.removeFromService(alarm.id(), "engineer-zhao", "again"))
                .isInstanceOf(IllegalAlarmActionException.class).hasMessageContaining("already out of service");
        assertThatThrownBy(() -> alarms.shelve(alarm.id(), "operator-li", "noisy", now().plusSeconds(60)))
                .isInstanceOf(IllegalAlarmActionException.class).hasMessageContaining("out of service");
        t.published.clear();

        Alarm duringRepair = alarms.raise("chiller-1", overVoltage, now().plusSeconds(60));
        assertThat(duringRepair.annunciated()).isFalse();
        assertThat(duringRepair.isOutOfService()).isTrue();
        assertThat(t.published(AlarmRaised.class)).isEmpty();

        t.clock.advance(Duration.ofHours(3));
        Alarm returned = alarms.returnToService(duringRepair.id(), "engineer-zhao", "overhaul done");
        assertThat(returned.isOutOfService()).isFalse();
        assertThat(returned.annunciated()).isTrue();
        assertThat(t.published(AlarmRaised.class)).extracting(e -> e.alarm().id()).containsExactly(duringRepair.id());
        assertThatThrownBy(() -> alarms.returnToService(duringRepair.id(), "engineer-zhao", "again"))
                .isInstanceOf(IllegalAlarmActionException.class).hasMessageContaining("not out of service");
        assertThat(alarms.history(duringRepair.id())).extracting(AlarmEvent::action, AlarmEvent::actor, AlarmEvent::reason, AlarmEvent::at)
                .containsExactly(tuple(AlarmAction.RAISED, "caretaker", null, TestAlarms.T0.plusSeconds(60)),
                        tuple(AlarmAction.RETURNED_TO_SERVICE, "engineer-zhao", "overhaul done", now()));
    }

    @Test
    void aReturnToServiceOfAClearedAlarmAnnunciatesNothing() {
        Alarm alarm = alarms.raise("chiller-1", overVoltage, now());
        alarms.removeFromService(alarm.id(), "engineer-zhao", "repair");
        alarms.clear("chiller-1", "over_voltage", now());
        t.published.clear();

        Alarm returned = alarms.returnToService(alarm.id(), "engineer-zhao", "done");
        assertThat(returned.state()).isEqualTo(AlarmState.RETURNED_UNACKED);
        assertThat(t.published(AlarmRaised.class)).isEmpty();
        assertThat(t.published(AlarmChanged.class)).extracting(AlarmChanged::action).containsExactly(AlarmAction.RETURNED_TO_SERVICE);
    }

    @Test
    void suppressionByDesignIsAuditedAndAnAlarmStillActiveAfterItIsAnnunciatedOnce() {
        alarms.suppress("ahu-1", "over_voltage", "device COMM_LOSS", now());
        Alarm alarm = alarms.raise("ahu-1", overVoltage, now().plusSeconds(5));
        assertThat(alarm.suppressedBy()).isEqualTo("device COMM_LOSS");
        assertThat(alarm.annunciated()).isFalse();

        alarms.unsuppress("ahu-1", "over_voltage", now().plusSeconds(65));
        alarms.unsuppress("ahu-1", "over_voltage", now().plusSeconds(70));

        assertThat(t.published(AlarmRaised.class)).extracting(e -> e.alarm().id()).containsExactly(alarm.id());
        assertThat(alarms.history(alarm.id())).extracting(AlarmEvent::action, AlarmEvent::annunciated)
                .containsExactly(tuple(AlarmAction.RAISED, false), tuple(AlarmAction.UNSUPPRESSED, true));
    }

    @Test
    void suppressingAnAnnunciatedAlarmIsAuditedAndEndingItDoesNotAnnunciateItAgain() {
        Alarm alarm = alarms.raise("ahu-1", overVoltage, now());
        alarms.suppress("ahu-1", "over_voltage", "plant off", now().plusSeconds(30));
        assertThat(alarms.find(alarm.id()).orElseThrow().suppressedBy()).isEqualTo("plant off");

        alarms.unsuppress("ahu-1", "over_voltage", now().plusSeconds(90));

        assertThat(alarms.find(alarm.id()).orElseThrow().suppressed()).isFalse();
        assertThat(t.published(AlarmRaised.class)).hasSize(1);
        assertThat(alarms.history(alarm.id())).extracting(AlarmEvent::action, AlarmEvent::reason, AlarmEvent::annunciated)
                .containsExactly(tuple(AlarmAction.RAISED, null, true), tuple(AlarmAction.SUPPRESSED, "plant off", false),
                        tuple(AlarmAction.UNSUPPRESSED, null, false));
    }

    @Test
    void anAlarmActivatingThreeTimesWithinAMinuteIsFlaggedChattering() {
        Alarm alarm = alarms.raise("door-1", overVoltage, now());
        alarms.clear("door-1", "over_voltage", now().plusSeconds(10));
        alarms.raise("door-1", overVoltage, now().plusSeconds(20));
        alarms.clear("door-1", "over_voltage", now().plusSeconds(30));
        assertThat(alarms.find(alarm.id()).orElseThrow().chattering()).isFalse();

        Alarm third = alarms.raise("door-1", overVoltage, now().plusSeconds(60));

        assertThat(third.chattering()).isTrue();
        assertThat(alarms.history(alarm.id())).extracting(AlarmEvent::action).last().isEqualTo(AlarmAction.CHATTERING);
        assertThat(t.published(AlarmChanged.class)).extracting(AlarmChanged::action).last().isEqualTo(AlarmAction.CHATTERING);
    }

    @Test
    void threeActivationsSpreadOverMoreThanAMinuteAreNotChattering() {
        Alarm alarm = alarms.raise("door-1", overVoltage, now());
        alarms.clear("door-1", "over_voltage", now().plusSeconds(10));
        alarms.raise("door-1", overVoltage, now().plusSeconds(40));
        alarms.clear("door-1", "over_voltage", now().plusSeconds(50));

        Alarm third = alarms.raise("door-1", overVoltage, now().plusSeconds(61));

        assertThat(third.id()).isEqualTo(alarm.id());
        assertThat(third.chattering()).isFalse();
    }
}
