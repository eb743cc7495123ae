package io.lede.webhook;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.lede.cache.ContentKeySource;
import io.lede.cache.EntityChange;

/**
 * Webhook rows are nothing any response cache shows to readers (admin answers are never cached), so
 * their writes invalidate nothing; without this source every send would count as a change of
 * everything.
 */
@ApplicationScoped
public class WebhookKeys implements ContentKeySource {

    @Override
    public Set<Class<?>> entities() {
        return Set.of(WebhookEndpoint.class, WebhookMessage.class, WebhookDelivery.class);
    }

    @Override
    public void keys(EntityChange change, Set<String> keys) {
        // Nothing derived from content depends on webhooks.
    }
}
