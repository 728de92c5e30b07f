package io.caretaker.bench.emptyapp;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Component;

/**
 * An empty Spring Boot + Camel application, packaged and started as the hub is ({@code java -jar}), so the benchmark
 * can hold the hub's start-up against what the frameworks alone cost on the same machine in the same run.
 */
@SpringBootApplication
public class EmptyApp {

    /** What the benchmark waits for on standard output: the first exchange a route has handled. */
    public static final String FIRST_EXCHANGE = "empty-app: first exchange handled";

    public static void main(String[] args) {
        SpringApplication.run(EmptyApp.class, args);
    }

    /** One route, so the measurement includes a started Camel context with a consumer that has handled a message. */
    @Component
    static class FirstExchange extends RouteBuilder {

        @Override
        public void configure() {
            from("timer:first?delay=0&repeatCount=1").routeId("first-exchange")
                    .process(exchange -> System.out.println(FIRST_EXCHANGE));
        }
    }
}
