package io.lede.webhook;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An endpoint as admins see it: never its secret. */
@Schema(name = "Webhook")
public record WebhookView(
        @Schema(required = true) String id,
        @Schema(required = true) String url,
        @Schema(required = true) List<String> events,
        @Schema(required = true, nullable = true) @JsonInclude(JsonInclude.Include.ALWAYS) String description,
        @Schema(required = true, description = "No deliveries while true: set by an admin, or after failing for lede.webhooks.disable-after")
        boolean disabled,
        @Schema(required = true, description = "Failed attempts since the last success") int failureCount,
        @Schema(required = true, nullable = true, description = "Since when its attempts fail; null while it answers")
        @JsonInclude(JsonInclude.Include.ALWAYS) Instant failingSince,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt,
        @Schema(required = true) long version) {

    static WebhookView of(WebhookEndpoint endpoint) {
        return new WebhookView(endpoint.id.toString(), endpoint.url, endpoint.eventList(), endpoint.description, endpoint.disabled,
                endpoint.failureCount, endpoint.failingSince, endpoint.createdAt, endpoint.updatedAt, endpoint.version);
    }
}
