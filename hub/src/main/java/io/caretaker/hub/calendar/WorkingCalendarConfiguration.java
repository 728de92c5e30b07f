package io.caretaker.hub.calendar;

import io.caretaker.deviceprofiles.site.Site;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/** The site's one working calendar: the site file's weekend and holidays plus any calendar files. */
@Configuration(proxyBeanMethods = false)
class WorkingCalendarConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WorkingCalendarConfiguration.class);

    @Bean
    WorkingCalendar workingCalendar(Site site, CalendarProperties properties, ResourceLoader resources) {
        WorkingCalendar calendar = WorkingCalendar.of(site);
        for (String location : properties.file()) {
            Resource resource = resources.getResource(location);
            String yaml;
            try {
                yaml = resource.getContentAsString(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read calendar file caretaker.calendar.file=" + location
                        + "; point it at a readable file (file:/path/holidays.yaml) or leave it empty", e);
            }
            CalendarFile file = CalendarFile.read(location, yaml);
            calendar = calendar.with(file);
            log.info("calendar file loaded file={} name={} holidays={} workingDays={}", location, file.name(),
                    file.holidayDates().size(), file.workingDayDates().size());
        }
        return calendar;
    }
}
