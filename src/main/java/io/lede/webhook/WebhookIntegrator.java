package io.lede.webhook;

import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.persister.entity.EntityPersister;

import io.quarkus.arc.Arc;

/**
 * Hands every entity write to {@link WebhookOutbox} right after its SQL ran, inside the writer's
 * transaction (found by Hibernate through {@code META-INF/services/org.hibernate.integrator.spi.Integrator}).
 * Listening to Hibernate rather than calling from each service means every path that writes an
 * article, entry, image or quote is covered, the scheduled publisher included, with the state
 * before and after the write.
 */
public class WebhookIntegrator implements Integrator {

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor sessionFactory) {
        Listener listener = new Listener();
        EventListenerRegistry registry = sessionFactory.getEventListenerRegistry();
        registry.appendListeners(EventType.POST_INSERT, listener);
        registry.appendListeners(EventType.POST_UPDATE, listener);
        registry.appendListeners(EventType.POST_DELETE, listener);
    }

    static final class Listener implements PostInsertEventListener, PostUpdateEventListener, PostDeleteEventListener {

        private volatile WebhookOutbox outbox;

        @Override
        public void onPostInsert(PostInsertEvent event) {
            outbox().written(new WebhookOutbox.Write(event.getPersister(), event.getId(), null, event.getState()),
                    event.getSession());
        }

        @Override
        public void onPostUpdate(PostUpdateEvent event) {
            outbox().written(new WebhookOutbox.Write(event.getPersister(), event.getId(), event.getOldState(), event.getState()),
                    event.getSession());
        }

        @Override
        public void onPostDelete(PostDeleteEvent event) {
            outbox().written(new WebhookOutbox.Write(event.getPersister(), event.getId(), event.getDeletedState(), null),
                    event.getSession());
        }

        @Override
        public boolean requiresPostCommitHandling(EntityPersister persister) {
            return false;
        }

        private WebhookOutbox outbox() {
            WebhookOutbox known = outbox;
            if (known == null) {
                known = Arc.container().instance(WebhookOutbox.class).get();
                outbox = known;
            }
            return known;
        }
    }
}
