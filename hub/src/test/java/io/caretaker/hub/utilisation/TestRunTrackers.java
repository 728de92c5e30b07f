package io.caretaker.hub.utilisation;

import io.caretaker.deviceprofiles.ProfileCatalog;
import io.caretaker.deviceprofiles.site.Site;
import io.caretaker.hub.calendar.WorkingCalendar;
import java.time.Duration;
import java.time.LocalTime;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A run tracker on a test database, for tests of features that read utilisation (maintenance plans). */
public final class TestRunTrackers {

    public static RunTracker tracker(Site site, ProfileCatalog profiles, DataSource data, Duration staleAfter) {
        UtilisationProperties properties = new UtilisationProperties(staleAfter,
                new UtilisationProperties.Occupied(LocalTime.of(8, 0), LocalTime.of(20, 0)),
                new UtilisationProperties.Idle(7, Duration.ofHours(1), 7, 0.25, 2, 0.05));
        return new RunTracker(site, profiles, WorkingCalendar.of(site), properties, new UtilisationRepository(JdbcClient.create(data)));
    }

    private TestRunTrackers() {
    }
}
