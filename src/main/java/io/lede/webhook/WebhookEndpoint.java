package io.lede.webhook;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A partner's endpoint, as stored: never leaves the service ({@link WebhookView} does). */
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpoint extends PanacheEntityBase {

    @Id
    public UUID id;

    public String url;

    public String description;

    /** The subscribed event types, comma-separated in their canonical order. */
    public String events;

    /** The signing secret, encrypted by {@link SecretBox}. */
    public String secret;

    public boolean disabled;

    /** When the current run of failed attempts began; null while the endpoint answers. */
    public Instant failingSince;

    /** Failed attempts since the last success. */
    public int failureCount;

    public Instant createdAt;

    public Instant updatedAt;

    @Version
    public long version;

    List<String> eventList() {
        return Arrays.stream(events.split(",")).filter(name -> !name.isEmpty()).toList();
    }

    static List<WebhookEndpoint> newestFirst() {
        return list("order by createdAt desc, id desc");
    }

    static Optional<WebhookEndpoint> lockedById(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
