package io.caretaker.hub.alarms;

import static io.caretaker.hub.alarms.TestAlarms.rule;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.SerializationFeature;
import io.caretaker.deviceprofiles.Severity;
import io.caretaker.deviceprofiles.site.Site;
import io.caretaker.hub.system.problems.ApiProblems;
import io.caretaker.hub.system.problems.RequestProblems;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The operator actions over HTTP: who did it, and refusals as RFC 9457 problem details. */
class AlarmControllerTest {

    private final TestAlarms t = TestAlarms.onH2();
    private final Site site = new Site("test", "Test", ZoneId.of("Asia/Shanghai"), new Site.Calendar(null, null), List.of());
    // dates as ISO text, as the hub's spring.jackson settings write them
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new AlarmController(t.service, site, t.clock))
            .setControllerAdvice(new RequestProblems(), new ApiProblems())
            .setMessageConverters(new MappingJackson2HttpMessageConverter(
                    Jackson2ObjectMapperBuilder.json().featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build()))
            .build();

    private ResultActions act(long id, String action, String body, String user) throws Exception {
        var request = post("/api/alarms/{id}/{action}", id, action).contentType(MediaType.APPLICATION_JSON).content(body);
        if (user != null) {
            request = request.principal(() -> user);
        }
        return mvc.perform(request);
    }

    @Test
    void anOperatorShelvesForMinutesAndTheAuditNamesThem() throws Exception {
        Alarm alarm = t.service.raise("ahu-1", rule("supply_air_high", Severity.MAJOR), t.clock.instant());

        act(alarm.id(), "shelve", "{\"reason\": \"sensor being replaced\", \"minutes\": 90}", "operator-li")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.shelved.reason").value("sensor being replaced"))
                .andExpect(jsonPath("$.shelved.by").value("operator-li"))
                .andExpect(jsonPath("$.shelved.until").value("2026-11-23T10:30:00+08:00"));
        act(alarm.id(), "ack", "{}", null).andExpect(status().isOk()).andExpect(jsonPath("$.state").value("ACTIVE_ACKED"));

        mvc.perform(get("/api/alarms/{id}", alarm.id()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.alarm.id").value(alarm.id()))
                .andExpect(jsonPath("$.events[*].action").value(org.hamcrest.Matchers.contains("RAISED", "SHELVED", "ACKNOWLEDGED")))
                .andExpect(jsonPath("$.events[1].actor").value("operator-li"))
                .andExpect(jsonPath("$.events[1].reason").value("sensor being replaced (until 2026-11-23T02:30:00Z)"))
                .andExpect(jsonPath("$.events[2].actor").value("api"));
    }

    @Test
    void aLifeSafetyAlarmCannotBeShelved() throws Exception {
        Alarm fire = t.service.raise("panel-1", rule("fire_alarm", Severity.LIFE_SAFETY), t.clock.instant());

        act(fire.id(), "shelve", "{\"reason\": \"annoying\", \"minutes\": 10}", "operator-li")
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Alarm action not allowed"))
                .andExpect(jsonPath("$.detail").value(containsString("LIFE_SAFETY")));
    }

    @Test
    void badRequestsAreRefusedSayingWhatToSend() throws Exception {
        Alarm alarm = t.service.raise("ahu-1", rule("supply_air_high", Severity.MAJOR), t.clock.instant());

        act(alarm.id(), "shelve", "{\"minutes\": 10}", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Invalid alarm action"))
                .andExpect(jsonPath("$.detail").value(containsString("needs a reason")));
        act(alarm.id(), "shelve", "{\"reason\": \"x\", \"minutes\": 10, \"until\": \"2026-11-23T10:30:00+08:00\"}", null)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("either 'until' or 'minutes'")));
        act(alarm.id(), "shelve", "{\"reason\": \"x\", \"minutes\": 481}", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("caretaker.alarms.max-shelve")));
        act(alarm.id(), "out-of-service", "{}", null).andExpect(status().isBadRequest());
        act(alarm.id(), "unshelve", "{}", null).andExpect(status().isConflict());
        act(alarm.id(), "return-to-service", "{\"reason\": \"done\"}", null).andExpect(status().isConflict());
        act(4242, "ack", "{}", null).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("No such alarm"));
        mvc.perform(get("/api/alarms/4242")).andExpect(status().isNotFound());
        // a bad value found while the request is read is answered as one found after
        mvc.perform(get("/api/alarms/abc")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Invalid alarm action"))
                .andExpect(jsonPath("$.detail").value("path variable 'id' is 'abc', not a whole number"));
        mvc.perform(get("/api/alarms").param("state", "BOGUS")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Invalid alarm action"))
                .andExpect(jsonPath("$.detail").value("parameter 'state' is 'BOGUS', not one of ACTIVE_UNACKED, ACTIVE_ACKED,"
                        + " RETURNED_UNACKED, NORMAL"));
        mvc.perform(get("/api/alarms").param("shelved", "maybe")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("parameter 'shelved' is 'maybe', not true or false"));
    }

    @Test
    void aBodyThatCannotBeReadIsRefusedNamingTheFieldAndWhatItTakes() throws Exception {
        Alarm alarm = t.service.raise("ahu-1", rule("supply_air_high", Severity.MAJOR), t.clock.instant());

        act(alarm.id(), "shelve", "{\"reason\": \"x\", \"minutes\": \"ten\"}", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Invalid alarm action"))
                .andExpect(jsonPath("$.detail").value("field 'minutes' of the body is 'ten', not a whole number"));
        act(alarm.id(), "shelve", "{\"reason\": \"x\", \"until\": \"tomorrow\"}", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("field 'until' of the body is 'tomorrow', not a date-time with its offset,"
                        + " e.g. 2026-11-23T10:30:00+08:00"));
        act(alarm.id(), "shelve", "{\"reason\": [1, 2]}", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("field 'reason' of the body is not a String"));
        act(alarm.id(), "shelve", "{\"reason\": \"x\",\n \"minutes\": 10", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(startsWith("the body is not JSON (line 2, column")))
                .andExpect(jsonPath("$.detail").value(endsWith("; send a JSON object of the request's fields")));
        mvc.perform(get("/api/alarms/{id}", alarm.id())).andExpect(jsonPath("$.alarm.shelved").doesNotExist());
    }

    @Test
    void removalFromServiceAndReturnAreRecorded() throws Exception {
        Alarm alarm = t.service.raise("chiller-1", rule("low_flow", Severity.MAJOR), t.clock.instant());

        act(alarm.id(), "out-of-service", "{\"reason\": \"permit 1234\"}", "engineer-zhao").andExpect(status().isOk())
                .andExpect(jsonPath("$.outOfService.reason").value("permit 1234"))
                .andExpect(jsonPath("$.outOfService.by").value("engineer-zhao"));
        act(alarm.id(), "return-to-service", "{\"reason\": \"repaired\"}", "engineer-zhao").andExpect(status().isOk())
                .andExpect(jsonPath("$.outOfService").doesNotExist());
        mvc.perform(get("/api/alarms")).andExpect(jsonPath("$[0].id").value(alarm.id()))
                .andExpect(jsonPath("$[0].annunciated").value(true));
    }

    @Test
    void theShelvedAndOutOfServiceAlarmsAreListedForReview() throws Exception {
        Alarm shelved = t.service.raise("ahu-1", rule("supply_air_high", Severity.MAJOR), t.clock.instant());
        Alarm removed = t.service.raise("chiller-1", rule("low_flow", Severity.MAJOR), t.clock.instant().plusSeconds(1));
        t.service.raise("meter-1", rule("over_voltage", Severity.IMPORTANT), t.clock.instant().plusSeconds(2));
        act(shelved.id(), "shelve", "{\"reason\": \"noisy\", \"minutes\": 30}", "operator-li").andExpect(status().isOk());
        act(removed.id(), "out-of-service", "{\"reason\": \"permit 1234\"}", "engineer-zhao").andExpect(status().isOk());

        mvc.perform(get("/api/alarms").param("shelved", "true"))
                .andExpect(jsonPath("$[*].id").value(org.hamcrest.Matchers.contains((int) shelved.id())));
        mvc.perform(get("/api/alarms").param("outOfService", "true"))
                .andExpect(jsonPath("$[*].id").value(org.hamcrest.Matchers.contains((int) removed.id())));
        mvc.perform(get("/api/alarms").param("shelved", "false").param("outOfService", "false"))
                .andExpect(jsonPath("$[*].deviceId").value(org.hamcrest.Matchers.contains("meter-1")));
    }
}
