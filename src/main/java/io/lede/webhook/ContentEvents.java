package io.lede.webhook;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import io.lede.article.Article;
import io.lede.article.ArticleStatus;
import io.lede.image.Image;
import io.lede.live.Entry;
import io.lede.quote.Quote;

/**
 * Which webhook event, if any, one entity write is. Only what readers could see makes an event:
 * an article's changes while it is published, its coming and going, its deletion once it has been
 * out; entries of published articles; images and quotes (public by id).
 */
final class ContentEvents {

    /** An event about one item, before fan-out to the endpoints that subscribe to its type. */
    record Event(WebhookEventType type, UUID id, long version, String path) {
    }

    /** Whether an article is published now, for entries; answered from the writer's own connection. */
    interface ArticleLookup {
        boolean published(UUID articleId);
    }

    private ContentEvents() {
    }

    /** Whether writes of this entity class can be events at all: the rest are not looked at further. */
    static boolean concerns(Class<?> entity) {
        return entity == Article.class || entity == Entry.class || entity == Image.class || entity == Quote.class;
    }

    static Optional<Event> of(Class<?> entity, Object id, Map<String, Object> before, Map<String, Object> after,
            ArticleLookup articles) {
        if (!(id instanceof UUID uuid)) {
            return Optional.empty();
        }
        if (entity == Article.class) {
            return article(uuid, before, after);
        }
        if (entity == Entry.class) {
            UUID articleId = (UUID) (after != null ? after : before).get("articleId");
            if (articleId == null || !articles.published(articleId)) {
                return Optional.empty();
            }
            WebhookEventType type = before == null ? WebhookEventType.ENTRY_CREATED
                    : after == null ? WebhookEventType.ENTRY_DELETED : WebhookEventType.ENTRY_UPDATED;
            return event(type, uuid, before, after, "/v1/articles/" + articleId + "/entries/" + uuid);
        }
        if (entity == Image.class && before != null) {
            return event(after == null ? WebhookEventType.IMAGE_DELETED : WebhookEventType.IMAGE_UPDATED, uuid, before, after,
                    "/v1/images/" + uuid);
        }
        if (entity == Quote.class && before != null) {
            return event(after == null ? WebhookEventType.QUOTE_DELETED : WebhookEventType.QUOTE_UPDATED, uuid, before, after,
                    "/v1/quotes/" + uuid);
        }
        return Optional.empty();
    }

    private static Optional<Event> article(UUID id, Map<String, Object> before, Map<String, Object> after) {
        boolean was = before != null && before.get("status") == ArticleStatus.PUBLISHED;
        boolean is = after != null && after.get("status") == ArticleStatus.PUBLISHED;
        WebhookEventType type;
        if (after == null) {
            // Deleted: partners heard of it only if it had ever been out.
            boolean everOut = was || before.get("firstPublishedAt") != null;
            type = everOut ? WebhookEventType.ARTICLE_DELETED : null;
        } else if (is && !was) {
            type = WebhookEventType.ARTICLE_PUBLISHED;
        } else if (is) {
            boolean corrected = !Objects.equals(before.get("materiallyUpdatedAt"), after.get("materiallyUpdatedAt"));
            type = corrected ? WebhookEventType.ARTICLE_CORRECTED : WebhookEventType.ARTICLE_UPDATED;
        } else {
            type = was ? WebhookEventType.ARTICLE_UNPUBLISHED : null;
        }
        return type == null ? Optional.empty() : event(type, id, before, after, "/v1/articles/" + id);
    }

    private static Optional<Event> event(WebhookEventType type, UUID id, Map<String, Object> before, Map<String, Object> after,
            String path) {
        Object version = (after != null ? after : before).get("version");
        return Optional.of(new Event(type, id, version instanceof Number number ? number.longValue() : 0, path));
    }
}
