package io.lede.webhook;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One attempt to deliver a message, as the delivery log shows it. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends PanacheEntityBase {

    @Id
    public UUID id;

    public String messageId;

    public UUID endpointId;

    public String event;

    public int attempt;

    /** The receiver's HTTP status; null when there was no answer. */
    public Integer status;

    public String error;

    public Instant at;

    public long durationMs;
}
