package io.lede.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of every delivery, written once when the message is recorded and sent as is on every attempt. */
@ApplicationScoped
public class WebhookPayloads {

    @Schema(name = "WebhookPayload", description = "What a webhook delivery POSTs: the event and the item it is about. "
            + "Signed per Standard Webhooks 1.0 (webhook-id, webhook-timestamp, webhook-signature headers).")
    public record Payload(
            @Schema(required = true, description = "The event type", example = "article.published") String type,
            @Schema(required = true, description = "When the change committed") Instant timestamp,
            @Schema(required = true) Data data) {
    }

    @Schema(name = "WebhookPayloadData")
    public record Data(
            @Schema(required = true, description = "Id of the article, entry, image or quote the event names") String id,
            @Schema(required = true, description = "Its version after the change (the last one, for deletions); "
                    + "a GET made on receipt returns at least this version") long version,
            @Schema(required = true, description = "Where to read it: absolute with lede.public-url, else relative to the API")
            String url,
            @Schema(required = true, description = "The surrogate keys the change invalidated, as in Surrogate-Key headers")
            List<String> surrogateKeys) {
    }

    private final ObjectMapper json;

    public WebhookPayloads(ObjectMapper json) {
        this.json = json;
    }

    String payload(WebhookEventType type, ContentEvents.Event event, String url, Set<String> keys, Instant at) {
        try {
            return json.writeValueAsString(new Payload(type.apiName(), at,
                    new Data(event.id().toString(), event.version(), url, List.copyOf(keys))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A webhook payload could not be serialised", e);
        }
    }
}
