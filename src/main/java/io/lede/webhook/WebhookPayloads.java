package io.lede.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The body of every delivery, written once when the message is recorded and sent as is on every
 * attempt. Receivers find it described as WebhookPayload in the OpenAPI document, beside the
 * document's {@code webhooks} entry (both in META-INF/openapi.yaml: no resource method describes them).
 */
@ApplicationScoped
public class WebhookPayloads {

    /** {@code type} is the event, {@code timestamp} when the change was recorded. */
    public record Payload(String type, Instant timestamp, Data data) {
    }

    /** The item the event names: its id and version after the change (the last one, for deletions). */
    public record Data(String id, long version, String url, List<String> surrogateKeys) {
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
