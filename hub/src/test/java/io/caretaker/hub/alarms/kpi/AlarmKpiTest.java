package io.caretaker.hub.alarms.kpi;

import static io.caretaker.hub.alarms.TestAlarms.T0;
import static io.caretaker.hub.alarms.TestAlarms.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.SerializationFeature;
import io.caretaker.deviceprofiles.FaultRule;
import io.caretaker.deviceprofiles.Severity;
import io.caretaker.deviceprofiles.site.Site;
import io.caretaker.hub.alarms.Alarm;
import io.caretaker.hub.alarms.AlarmService;
import io.caretaker.hub.alarms.TestAlarms;
import io.caretaker.hub.system.problems.ApiProblems;
import io.caretaker.hub.system.problems.RequestProblems;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The KPIs of a constructed hour with two floods, a chattering door, a shelved alarm and stale alarms, to the unit. */
class AlarmKpiTest {

    private static final Instant TO = T0.plus(Duration.ofHours(1));

    private TestAlarms t;
    private AlarmService alarms;
    private AlarmKpiService kpis;

    /** The store the hour is built in; PostgresAlarmKpiIT runs the same on PostgreSQL. */
    TestAlarms store() {
        return TestAlarms.onH2();
    }

    private static Instant at(int minute, int second) {
        return T0.plus(Duration.ofMinutes(minute)).plusSeconds(second);
    }

    @BeforeEach
    void constructedHour() {
        t = store();
        alarms = t.service;
        kpis = new AlarmKpiService(new AlarmKpiRepository(t.jdbc), TestAlarms.PROPERTIES);
        // before the window: a chiller alarm standing for 30 h, a tank alarm that clears in the window after 25.5 h,
        // a boiler alarm clearing in the window after 20 h 10 min, an old one over before the window starts
        FaultRule lowPressure = rule("low_pressure", Severity.MAJOR);
        FaultRule levelLow = rule("level_low", Severity.IMPORTANT);
        FaultRule flameFailure = rule("flame_failure", Severity.MAJOR);
        FaultRule stuck = rule("stuck", Severity.MINOR);
        alarms.raise("chiller-1", lowPressure, T0.minus(Duration.ofHours(30)));
        alarms.raise("tank-1", levelLow, T0.minus(Duration.ofHours(25)));
        alarms.raise("boiler-1", flameFailure, T0.minus(Duration.ofHours(20)));
        alarms.raise("old-1", stuck, T0.minus(Duration.ofHours(60)));
        alarms.clear("old-1", "stuck", T0.minus(Duration.ofHours(10)));

        // 00-10: a flood of 12 zone alarms
        FaultRule zoneHot = rule("zone_temp_high", Severity.MINOR);
        for (int i = 1; i <= 12; i++) {
            alarms.raise("vav-%02d".formatted(i), zoneHot, at(1, i * 10));
        }
        alarms.clear("boiler-1", "flame_failure", at(10, 0));
        // vav-01 is shelved; its next activation is recorded but not annunciated
        t.clock.set(at(3, 0));
        alarms.shelve(alarms.all(null).stream().filter(a -> a.deviceId().equals("vav-01")).findFirst().orElseThrow().id(),
                "operator-li", "sensor being replaced", at(3, 0).plus(Duration.ofHours(2)));

        // 10-20: a door held open, chattering: 3 activations within 40 s
        FaultRule doorHeld = rule("door_held", Severity.IMPORTANT);
        alarms.raise("door-1", doorHeld, at(11, 0));
        alarms.clear("door-1", "door_held", at(11, 10));
        alarms.raise("door-1", doorHeld, at(11, 20));
        alarms.clear("door-1", "door_held", at(11, 30));
        alarms.raise("door-1", doorHeld, at(11, 40));

        // 20-30: a pump recurring 10 times, 50 s apart (a flood, but never 3 within 60 s)
        FaultRule lowFlow = rule("low_flow", Severity.MAJOR);
        for (int k = 0; k < 10; k++) {
            alarms.raise("pump-1", lowFlow, at(21, k * 50));
            alarms.clear("pump-1", "low_flow", at(21, k * 50 + 20));
        }
        alarms.clear("tank-1", "level_low", at(30, 0));

        // 40-50: a fire alarm, and the shelved vav-01 again
        alarms.raise("panel-1", rule("fire_alarm", Severity.LIFE_SAFETY), at(41, 0));
        alarms.clear("panel-1", "fire_alarm", at(42, 0));
        alarms.clear("vav-01", "zone_temp_high", at(44, 0));
        alarms.raise("vav-01", zoneHot, at(45, 0));

        // 50-60: vav-02 again; and one exactly at the window's end, which belongs to the next window
        alarms.clear("vav-02", "zone_temp_high", at(50, 0));
        alarms.raise("vav-02", zoneHot, at(51, 0));
        alarms.raise("late-1", zoneHot, TO);
    }

    @Test
    void ratesFloodsAndPrioritiesOfTheHour() {
        AlarmKpis k = kpis.over(T0, TO);

        assertThat(k.annunciated()).isEqualTo(27);
        assertThat(k.activations()).isEqualTo(28);
        assertThat(k.perTenMinutes()).extracting(AlarmKpis.Interval::start, AlarmKpis.Interval::alarms, AlarmKpis.Interval::flood)
                .containsExactly(tuple(at(0, 0), 12, true), tuple(at(10, 0), 3, false), tuple(at(20, 0), 10, true),
                        tuple(at(30, 0), 0, false), tuple(at(40, 0), 1, false), tuple(at(50, 0), 1, false));
        assertThat(k.averagePerTenMinutes()).isEqualTo(4.5);
        assertThat(k.peakPerTenMinutes()).isEqualTo(12);
        assertThat(k.intervalsInFlood()).isEqualTo(2);
        assertThat(k.percentTimeInFlood()).isEqualTo(33.33);
        assertThat(k.priorities()).extracting(AlarmKpis.PriorityShare::severity, AlarmKpis.PriorityShare::alarms, AlarmKpis.PriorityShare::percent)
                .containsExactly(tuple(Severity.LIFE_SAFETY, 1, 3.70), tuple(Severity.MAJOR, 10, 37.04),
                        tuple(Severity.IMPORTANT, 3, 11.11), tuple(Severity.MINOR, 13, 48.15));
    }

    @Test
    void badActorsChatteringAndStaleAlarmsOfTheHour() {
        AlarmKpis k = kpis.over(T0, TO);

        assertThat(k.topBadActors()).extracting(AlarmKpis.BadActor::deviceId, AlarmKpis.BadActor::ruleId, AlarmKpis.BadActor::alarms)
                .containsExactly(tuple("pump-1", "low_flow", 10), tuple("door-1", "door_held", 3), tuple("vav-02", "zone_temp_high", 2),
                        tuple("panel-1", "fire_alarm", 1), tuple("vav-01", "zone_temp_high", 1), tuple("vav-03", "zone_temp_high", 1),
                        tuple("vav-04", "zone_temp_high", 1), tuple("vav-05", "zone_temp_high", 1), tuple("vav-06", "zone_temp_high", 1),
                        tuple("vav-07", "zone_temp_high", 1));
        assertThat(k.topBadActors().get(0).percent()).isEqualTo(37.04);
        assertThat(k.chattering()).containsExactly(new AlarmKpis.Chattering("door-1", "door_held", 3, 3));
        assertThat(k.stale()).extracting(AlarmKpis.Stale::deviceId, AlarmKpis.Stale::activeFor, AlarmKpis.Stale::stillActive)
                .containsExactly(tuple("chiller-1", Duration.ofHours(31), true), tuple("tank-1", Duration.ofMinutes(25 * 60 + 30), false));
        // the live flag agrees with the KPI: the door chatters, the pump does not
        assertThat(alarms.all(null)).filteredOn(Alarm::chattering).extracting(Alarm::deviceId).containsExactly("door-1");
    }

    @Test
    void anAlarmRaisedWhileShelvedCountsWhenItsShelfExpires() {
        t.clock.set(at(125, 0)); // vav-01's shelf ran out at 2 h 03 min; it is still active
        assertThat(alarms.expireShelves()).extracting(Alarm::deviceId).containsExactly("vav-01");

        AlarmKpis next = kpis.over(TO, TO.plus(Duration.ofHours(2)));

        assertThat(next.activations()).isEqualTo(1); // late-1
        assertThat(next.annunciated()).isEqualTo(2); // late-1, and vav-01 when it came off the shelf
        assertThat(next.perTenMinutes()).extracting(AlarmKpis.Interval::alarms)
                .containsExactly(1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0);
    }

    @Test
    void aWindowNotAWholeNumberOfIntervalsEndsWithAShortOne() {
        AlarmKpis k = kpis.over(T0, at(25, 0));

        assertThat(k.perTenMinutes()).extracting(AlarmKpis.Interval::length, AlarmKpis.Interval::alarms)
                .containsExactly(tuple(Duration.ofMinutes(10), 12), tuple(Duration.ofMinutes(10), 3), tuple(Duration.ofMinutes(5), 5));
        assertThat(k.averagePerTenMinutes()).isEqualTo(8.0); // 20 alarms in 2.5 intervals
        assertThat(k.percentTimeInFlood()).isEqualTo(40.0); // the first 10 of 25 minutes
    }

    @Test
    void theApiServesTheKpisInTheSitesTimeAndRefusesABadWindow() throws Exception {
        Site site = new Site("test", "Test", ZoneId.of("Asia/Shanghai"), new Site.Calendar(null, null), List.of());
        t.clock.set(TO);
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new AlarmKpiController(kpis, site, t.clock))
                .setControllerAdvice(new RequestProblems(), new ApiProblems())
                .setMessageConverters(new MappingJackson2HttpMessageConverter(
                        Jackson2ObjectMapperBuilder.json().featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build()))
                .build();

        mvc.perform(get("/api/kpis/alarms").param("from", "2026-11-23T09:00:00+08:00").param("to", "2026-11-23T10:00:00+08:00"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.annunciated").value(27))
                .andExpect(jsonPath("$.perTenMinutes[0].alarms").value(12))
                .andExpect(jsonPath("$.percentTimeInFlood").value(33.33))
                .andExpect(jsonPath("$.stale[0].activeMinutes").value(31 * 60))
                .andExpect(jsonPath("$.topBadActors[0].deviceId").value("pump-1"));
        // by default the 24 hours up to now, which also hold the boiler alarm raised 20 h before the hour
        mvc.perform(get("/api/kpis/alarms")).andExpect(status().isOk()).andExpect(jsonPath("$.annunciated").value(28))
                .andExpect(jsonPath("$.from").value("2026-11-22T10:00:00+08:00"));
        // in the site's time zone, and with a '+' that a query string decodes to a space
        mvc.perform(get("/api/kpis/alarms?from=2026-11-23T09:00&to=2026-11-23T02:00:00 00:00"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.annunciated").value(27));
        mvc.perform(get("/api/kpis/alarms").param("from", "2026-11-23T10:00:00+08:00").param("to", "2026-11-23T09:00:00+08:00"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.title").value("Invalid KPI window"))
                .andExpect(jsonPath("$.detail").value("'to' (2026-11-23T09:00+08:00) is not after 'from' (2026-11-23T10:00+08:00, both in the site's time); "
                        + "give a 'to' later than 'from'"));
        mvc.perform(get("/api/kpis/alarms").param("from", "yesterday"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("'from' is not a date-time")));
        assertThatThrownBy(() -> kpis.over(T0, T0.plus(Duration.ofDays(32))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("caretaker.alarms.kpi.max-window");
    }
}
