package io.caretaker.hub.webhooks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The webhook outbox (V11): deliveries in the order their events happened. */
@Repository
public class WebhookDeliveries {

    private static final String COLUMNS = "id, delivery_id, event_type, payload, status, attempts, created_at, next_attempt_at,"
            + " delivered_at, last_error";

    private final JdbcClient jdbc;

    public WebhookDeliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues an event; called within the transaction of the change it reports. */
    void add(String deliveryId, String type, String payload, Instant at) {
        jdbc.sql("insert into webhook_delivery (delivery_id, event_type, payload, status, attempts, created_at, next_attempt_at)"
                        + " values (?, ?, ?, 'PENDING', 0, ?, ?)")
                .params(deliveryId, type, payload, utc(at), utc(at))
                .update();
    }

    /**
     * The oldest waiting delivery, locked until the caller's transaction ends: a second hub instance asking meanwhile
     * waits, then finds it sent, so none is sent twice and they go out in order.
     */
    Optional<WebhookDelivery> lockOldestPending() {
        return jdbc.sql("select " + COLUMNS + " from webhook_delivery where status = 'PENDING' order by id"
                        + " fetch first 1 rows only for update")
                .query(WebhookDeliveries::map).optional();
    }

    void delivered(long id, int attempts, Instant at) {
        jdbc.sql("update webhook_delivery set status = 'DELIVERED', attempts = ?, delivered_at = ?, last_error = null where id = ?")
                .params(attempts, utc(at), id).update();
    }

    void failed(long id, int attempts, String error, Instant retryAt) {
        jdbc.sql("update webhook_delivery set attempts = ?, last_error = ?, next_attempt_at = ? where id = ?")
                .params(attempts, truncate(error), utc(retryAt), id).update();
    }

    void gaveUp(long id, int attempts, String error) {
        jdbc.sql("update webhook_delivery set status = 'FAILED', attempts = ?, last_error = ? where id = ?")
                .params(attempts, truncate(error), id).update();
    }

    /** Sends a given-up delivery again, from its first attempt; false when there is no such failed delivery. */
    boolean retry(long id, Instant at) {
        return jdbc.sql("update webhook_delivery set status = 'PENDING', attempts = 0, next_attempt_at = ? where id = ? and status = 'FAILED'")
                .params(utc(at), id).update() == 1;
    }

    Optional<WebhookDelivery> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from webhook_delivery where id = ?").param(id).query(WebhookDeliveries::map).optional();
    }

    /** The newest deliveries in a status, newest first. */
    public List<WebhookDelivery> list(WebhookDelivery.Status status, int limit) {
        return jdbc.sql("select " + COLUMNS + " from webhook_delivery where status = ? order by id desc fetch first " + limit + " rows only")
                .param(status.name()).query(WebhookDeliveries::map).list();
    }

    int purgeDelivered(Instant before) {
        return jdbc.sql("delete from webhook_delivery where status = 'DELIVERED' and delivered_at < ?").param(utc(before)).update();
    }

    private static String truncate(String error) {
        return error == null || error.length() <= 500 ? error : error.substring(0, 500);
    }

    private static WebhookDelivery map(ResultSet rs, int row) throws SQLException {
        return new WebhookDelivery(rs.getLong("id"), rs.getString("delivery_id"), rs.getString("event_type"), rs.getString("payload"),
                WebhookDelivery.Status.valueOf(rs.getString("status")), rs.getInt("attempts"), instant(rs, "created_at"),
                instant(rs, "next_attempt_at"), instant(rs, "delivered_at"), rs.getString("last_error"));
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
