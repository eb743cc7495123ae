package io.lede.webhook;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An endpoint just registered: the only response that shows its signing secret. */
@Schema(name = "RegisteredWebhook")
public record RegisteredWebhookView(
        @Schema(required = true) String id,
        @Schema(required = true) String url,
        @Schema(required = true) List<String> events,
        @Schema(required = true, nullable = true) String description,
        @Schema(required = true) boolean disabled,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) long version,
        @Schema(required = true, description = "The signing secret, shown only here: whsec_ and the base64 of the key bytes",
                examples = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") String secret) {

    static RegisteredWebhookView of(WebhookView view, String secret) {
        return new RegisteredWebhookView(view.id(), view.url(), view.events(), view.description(), view.disabled(),
                view.createdAt(), view.version(), secret);
    }
}
