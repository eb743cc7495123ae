package io.lede.webhook;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One attempt, as the delivery log shows it. */
@Schema(name = "WebhookDelivery")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DeliveryView(
        @Schema(required = true) String id,
        @Schema(required = true, description = "The webhook-id header: the same on every attempt of one message") String messageId,
        @Schema(required = true, examples = "article.published") String event,
        @Schema(required = true, description = "1 for the first attempt of the message") int attempt,
        @Schema(required = true, nullable = true, description = "The receiver's HTTP status; null without an answer") Integer status,
        @Schema(required = true, nullable = true, description = "Why it failed; null when delivered") String error,
        @Schema(required = true) Instant at,
        @Schema(required = true) long durationMs) {

    static DeliveryView of(WebhookDelivery delivery) {
        return new DeliveryView(delivery.id.toString(), delivery.messageId, delivery.event, delivery.attempt, delivery.status,
                delivery.error, delivery.at, delivery.durationMs);
    }

    /** What a retry answers: the message that is due again now. */
    @Schema(name = "WebhookRetry")
    public record Retry(
            @Schema(required = true, description = "The webhook-id it will carry, as before") String messageId,
            @Schema(required = true) String event,
            @Schema(required = true, enumeration = "pending") String state) {
    }
}
