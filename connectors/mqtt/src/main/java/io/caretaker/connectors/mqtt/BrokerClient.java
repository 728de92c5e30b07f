package io.caretaker.connectors.mqtt;

import java.util.List;

/**
 * The little the connector needs from an MQTT client, so MQTT 5 and 3.1.1 brokers are served alike: connect with a
 * persistent session, subscribe at QoS 1, acknowledge a message once it is taken, and say when the link drops.
 */
interface BrokerClient extends AutoCloseable {

    /** Connects, waiting at most the connection time-out; throws when the broker cannot be reached. */
    void connect() throws Exception;

    void subscribe(List<String> filters) throws Exception;

    /** Tells the broker the message is taken care of (QoS 1 PUBACK). */
    void acknowledge(int messageId, int qos) throws Exception;

    /** Drops the link, keeping the client for another connect and the session on the broker. */
    void disconnect();

    /** Disconnects for good, keeping the session on the broker. */
    @Override
    void close();

    /** What the client reports to the connector. */
    interface Listener {

        void connected();

        void lost(String cause);

        void message(String topic, byte[] payload, int messageId, int qos);
    }
}
