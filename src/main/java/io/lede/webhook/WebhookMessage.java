package io.lede.webhook;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One message for one endpoint: a row of the outbox, written by {@link WebhookOutbox} in the
 * transaction of the change it tells of. Its id is the {@code webhook-id} of every attempt.
 */
@Entity
@Table(name = "webhook_message")
public class WebhookMessage extends PanacheEntityBase {

    public enum State {
        PENDING,
        DELIVERED,
        FAILED
    }

    @Id
    public String id;

    public UUID endpointId;

    public String event;

    /** The exact bytes (UTF-8) every attempt sends and signs. */
    public String payload;

    @Enumerated(EnumType.STRING)
    public State state;

    /** Attempts begun so far. */
    public int attempts;

    public Instant createdAt;

    /** When the next attempt is due; while one is under way, when it counts as lost. */
    public Instant nextAttemptAt;

    @Version
    public long version;
}
