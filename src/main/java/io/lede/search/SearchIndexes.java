package io.lede.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.hibernate.search.mapper.orm.mapping.SearchMapping;
import org.hibernate.search.mapper.orm.outboxpolling.OutboxPollingExtension;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Keeps the engine's index usable without making the service depend on the engine. Hibernate Search
 * creates no index at boot (schema management is off, so a service whose engine is down still
 * starts): the index is created or updated here, at start and then every few seconds until that
 * succeeds. And outbox events Hibernate Search gave up on after its retries (the engine was down
 * longer than they lasted) are handed back to it once the engine answers, so the index catches up
 * on every write made during an outage.
 */
@ApplicationScoped
public class SearchIndexes {

    private final SearchConfig config;
    private final Instance<SearchMapping> mapping;
    private volatile boolean ready;

    public SearchIndexes(SearchConfig config, Instance<SearchMapping> mapping) {
        this.config = config;
        this.mapping = mapping;
    }

    void onStart(@Observes StartupEvent start) {
        if (config.opensearch()) {
            ensureIndex();
        }
    }

    /** Whether the index exists with the current mapping. */
    public boolean ready() {
        return ready;
    }

    @Scheduled(every = "${lede.search.maintenance-interval:5s}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void maintain() {
        if (!config.opensearch()) {
            return;
        }
        if (!ready) {
            ensureIndex();
        }
        if (ready) {
            reprocessAborted();
        }
    }

    synchronized void ensureIndex() {
        if (ready) {
            return;
        }
        try {
            mapping.get().scope(Object.class, SearchEngine.ENTITY).schemaManager().createOrUpdate();
            ready = true;
            Log.info("Search index ready on the search engine");
        } catch (RuntimeException e) {
            Log.warnf("Search engine not ready (will retry): %s", e.getMessage());
        }
    }

    private void reprocessAborted() {
        try {
            var outbox = mapping.get().extension(OutboxPollingExtension.get());
            if (outbox.countAbortedEvents() > 0) {
                int again = outbox.reprocessAbortedEvents();
                Log.infof("Handed %d indexing events back to the search engine after an outage", again);
            }
        } catch (RuntimeException e) {
            Log.debugf("Could not hand aborted indexing events back: %s", e.getMessage());
        }
    }
}
