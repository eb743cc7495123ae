package io.lede.webhook;

import java.util.Arrays;
import java.util.Optional;

/** The events an endpoint may subscribe to, by their names on the wire. */
public enum WebhookEventType {
    ARTICLE_PUBLISHED("article.published", 3),
    ARTICLE_UPDATED("article.updated", 1),
    /** A correction, clarification or update was published on it (its materiallyUpdatedAt moved). */
    ARTICLE_CORRECTED("article.corrected", 2),
    ARTICLE_UNPUBLISHED("article.unpublished", 3),
    ARTICLE_DELETED("article.deleted", 4),
    ENTRY_CREATED("entry.created", 2),
    ENTRY_UPDATED("entry.updated", 1),
    ENTRY_DELETED("entry.deleted", 4),
    IMAGE_UPDATED("image.updated", 1),
    IMAGE_DELETED("image.deleted", 4),
    QUOTE_UPDATED("quote.updated", 1),
    QUOTE_DELETED("quote.deleted", 4);

    private final String apiName;
    /**
     * When one transaction writes an item several times, the message says what the transaction did
     * as a whole: the weightier event wins (a delete over an update, a publication over an update).
     */
    private final int weight;

    WebhookEventType(String apiName, int weight) {
        this.apiName = apiName;
        this.weight = weight;
    }

    public String apiName() {
        return apiName;
    }

    boolean outweighs(WebhookEventType other) {
        return weight >= other.weight;
    }

    static Optional<WebhookEventType> parse(String name) {
        return Arrays.stream(values()).filter(type -> type.apiName.equals(name)).findFirst();
    }

    /** Every name, for messages and the OpenAPI document. */
    static String names() {
        return String.join(", ", Arrays.stream(values()).map(WebhookEventType::apiName).toList());
    }
}
