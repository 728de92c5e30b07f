package io.caretaker.hub.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.caretaker.deviceprofiles.site.Site;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A step's audit line read back as named values, as the work order's page shows them. */
class StepDetailsTest {

    private final Site site = new Site("t", "Test", ZoneId.of("Asia/Shanghai"), new Site.Calendar(null, null), List.of());

    @Test
    void eachValueIsReadByItsName() {
        assertThat(StepDetails.read("alarm=5", site)).containsExactly(new StepDetails.Detail("alarm", "5"));
        assertThat(StepDetails.read("trade=HVAC; assignee=li.wei", site)).extracting(StepDetails.Detail::name, StepDetails.Detail::value)
                .containsExactly(tuple("trade", "HVAC"), tuple("assignee", "li.wei"));
        assertThat(StepDetails.read("urgent", site)).containsExactly(new StepDetails.Detail("urgent", null));
        assertThat(StepDetails.read(null, site)).isEmpty();
    }

    @Test
    void aNoteKeepsItsOwnSemicolonsAndEqualsSigns() {
        assertThat(StepDetails.read("notes=belt replaced; tension=45 N, checked; parts=1 belt A-42; minutesSpent=40; satisfied=true", site))
                .extracting(StepDetails.Detail::name, StepDetails.Detail::value)
                .containsExactly(tuple("notes", "belt replaced; tension=45 N, checked"), tuple("parts", "1 belt A-42"),
                        tuple("minutesSpent", "40"), tuple("satisfied", "true"));
    }

    @Test
    void aPlansDueTimeIsInTheSitesTimeAndLeftOutWhenItHasNone() {
        assertThat(StepDetails.read("plan=filter-change due=2026-12-01T01:00:00Z", site)).extracting(StepDetails.Detail::name, StepDetails.Detail::value)
                .containsExactly(tuple("plan", "filter-change"), tuple("due", "2026-12-01 09:00"));
        assertThat(StepDetails.read("plan=belt-check due=null", site)).containsExactly(new StepDetails.Detail("plan", "belt-check"));
    }
}
