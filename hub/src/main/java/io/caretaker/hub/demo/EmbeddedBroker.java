package io.caretaker.hub.demo;

import com.hivemq.embedded.EmbeddedHiveMQ;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's in-process MQTT 5 broker (HiveMQ CE). Its defaults silently discard most of a fast QoS 1 stream
 * (a queue of 1,000 per client with discard, receive maximum 10) and phone home; this configuration raises the
 * queue and receive maximum, keeps sessions in memory and turns usage statistics off.
 */
final class EmbeddedBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedBroker.class);

    private final EmbeddedHiveMQ hivemq;

    EmbeddedBroker(String bindAddress, int port, Path workDir) throws IOException {
        Path conf = Files.createDirectories(workDir.resolve("hivemq/conf"));
        Path data = Files.createDirectories(workDir.resolve("hivemq/data"));
        Path extensions = Files.createDirectories(workDir.resolve("hivemq/extensions"));
        Files.writeString(conf.resolve("config.xml"), """
                <?xml version="1.0"?>
                <hivemq>
                    <listeners>
                        <tcp-listener>
                            <port>%d</port>
                            <bind-address>%s</bind-address>
                        </tcp-listener>
                    </listeners>
                    <mqtt>
                        <queued-messages>
                            <max-queue-size>100000</max-queue-size>
                            <strategy>discard-oldest</strategy>
                        </queued-messages>
                        <receive-maximum>
                            <server-receive-maximum>1000</server-receive-maximum>
                        </receive-maximum>
                    </mqtt>
                    <persistence>
                        <mode>in-memory</mode>
                    </persistence>
                    <anonymous-usage-statistics>
                        <enabled>false</enabled>
                    </anonymous-usage-statistics>
                </hivemq>
                """.formatted(port, bindAddress));
        this.hivemq = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(conf)
                .withDataFolder(data)
                .withExtensionsFolder(extensions)
                .withoutLoggingBootstrap()
                .build();
    }

    void start() throws InterruptedException, ExecutionException, TimeoutException {
        hivemq.start().get(60, TimeUnit.SECONDS);
        log.info("embedded MQTT broker started");
    }

    @Override
    public void close() {
        try {
            hivemq.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            log.warn("embedded MQTT broker did not stop cleanly cause={}", e.getCause().toString());
        }
    }
}
