package io.caretaker.connectors.opcua;

import io.caretaker.deviceprofiles.canonical.DeviceEvent;
import io.caretaker.deviceprofiles.canonical.PointSample;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one device's share of its server's subscription into exchanges: a {@code List<PointSample>} per batch,
 * a {@link DeviceEvent} per transition.
 */
public class OpcUaConsumer extends DefaultConsumer implements DeviceRegistration.Listener {

    private static final Logger log = LoggerFactory.getLogger(OpcUaConsumer.class);

    private final OpcUaEndpoint endpoint;
    private ServerConnection connection;
    private ExecutorService delivery;

    OpcUaConsumer(OpcUaEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // One thread keeps samples and connection events in the order they happened; Camel's default
        // profile bounds its queue and makes a too-slow route push back on the OPC UA client.
        delivery = getEndpoint().getCamelContext().getExecutorServiceManager()
                .newSingleThreadExecutor(this, "opcua-" + endpoint.getDeviceId());
        connection = connections().join(endpoint.address(), endpoint.registration(this));
    }

    @Override
    protected void doStop() throws Exception {
        if (connection != null) {
            connections().leave(connection, endpoint.getDeviceId());
            connection = null;
        }
        if (delivery != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownGraceful(delivery);
        }
        super.doStop();
    }

    private ServerConnections connections() {
        return ((OpcUaComponent) endpoint.getComponent()).connections();
    }

    @Override
    public void onSamples(List<PointSample> samples) {
        deliver(samples);
    }

    @Override
    public void onEvent(DeviceEvent event) {
        deliver(event);
    }

    private void deliver(Object body) {
        ExecutorService executor = delivery;
        if (executor == null || executor.isShutdown()) {
            return;
        }
        try {
            executor.execute(() -> process(body));
        } catch (RejectedExecutionException e) {
            // Only while stopping: the route is going away, so there is nobody left to tell.
            log.debug("dropped after stop device={} body={}", endpoint.getDeviceId(), body);
        }
    }

    private void process(Object body) {
        Exchange exchange = createExchange(false);
        exchange.getIn().setBody(body);
        exchange.getIn().setHeader("caretakerDeviceId", endpoint.getDeviceId());
        try {
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        if (exchange.getException() != null) {
            getExceptionHandler().handleException("opcua device=" + endpoint.getDeviceId(), exchange,
                    exchange.getException());
        }
        releaseExchange(exchange, false);
    }
}
