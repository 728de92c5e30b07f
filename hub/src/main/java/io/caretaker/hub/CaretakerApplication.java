package io.caretaker.hub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The Caretaker hub: connectors in, rules, alarms and work orders out. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CaretakerApplication {

    public static void main(String[] args) {
        SpringApplication.run(CaretakerApplication.class, args);
    }
}
