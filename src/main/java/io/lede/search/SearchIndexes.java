package io.lede.search;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.apache.http.client.config.RequestConfig;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RequestOptions;
import org.elasticsearch.client.RestClient;
import org.hibernate.search.backend.elasticsearch.index.ElasticsearchIndexManager;
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
 *
 * <p>An index created by an earlier version may have a layout the engine cannot change in place (the
 * order it keeps its documents in is fixed when it is created): it is then used as it is, searches
 * answer from it (slower), and it is reported as outdated until a rebuild recreates it
 * ({@code POST /v1/admin/search/reindex?recreate=true}), rather than retried every few seconds.
 */
@ApplicationScoped
public class SearchIndexes {

    private final SearchConfig config;
    private final Instance<SearchMapping> mapping;
    private volatile boolean ready;
    private volatile boolean outdated;

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

    /** Whether the index was created with a layout of an earlier version, which only recreating it changes. */
    public boolean outdated() {
        return outdated;
    }

    /** Drops the index and creates it with the current layout, empty: the caller fills it. */
    synchronized void recreate() {
        SearchEngine.call(() -> {
            mapping.get().scope(Object.class, SearchEngine.ENTITY).schemaManager().dropAndCreate();
            return null;
        });
        outdated = false;
        ready = true;
        Log.info("Search index recreated on the search engine");
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

    /** Creates the index, or updates its mapping and settings; a rebuild calls it again to re-check an existing index. */
    synchronized void ensureIndex() {
        try {
            mapping.get().scope(Object.class, SearchEngine.ENTITY).schemaManager().createOrUpdate();
            ready = true;
            Log.info("Search index ready on the search engine");
        } catch (RuntimeException e) {
            if (layoutFixed(e)) {
                outdated = true;
                ready = true;
                Log.errorf("The search index was created by an earlier version of Lede with a layout that cannot be changed in place; "
                        + "searches answer from it, slower, until POST /v1/admin/search/reindex?recreate=true rebuilds it (%s)",
                        e.getMessage());
            } else {
                Log.warnf("Search engine not ready (will retry): %s", e.getMessage());
            }
        }
    }

    /**
     * How long this replica waits for a merge: 11 s for 1,000,000 articles on 2 cores, so an hour
     * leaves room for archives many times that size; a search's 5 s would not.
     */
    static final int MERGE_TIMEOUT_MILLIS = 3_600_000;

    /**
     * Merges the index into one segment, after a rebuild. The engine writes a rebuild as dozens of
     * segments (16 to 26 at 1,000,000 articles), and every search visits each: its words are looked
     * up in every segment, and a page newest first takes its first hits from each. Merged, the same
     * searches answered 1.4 to 1.6 times as many requests a second (bench/RESULTS.md). Later writes
     * add small segments, which the engine's merge policy merges among themselves; the big one is
     * rewritten only once a good share of it is replaced documents (docs/search.md). Hibernate
     * Search's own merge asks for no segment count and runs under the 5 s timeout searches have,
     * so this request is sent with the engine's client directly.
     */
    void mergeSegments() throws IOException {
        ElasticsearchIndexManager index = mapping.get().indexedEntity(SearchEngine.ENTITY).indexManager()
                .unwrap(ElasticsearchIndexManager.class);
        RestClient client = index.backend().client(RestClient.class);
        String path = "/" + index.descriptor().writeName();
        Request merge = new Request("POST", path + "/_forcemerge");
        merge.addParameter("max_num_segments", "1");
        merge.setOptions(RequestOptions.DEFAULT.toBuilder().setRequestConfig(RequestConfig.custom()
                .setConnectTimeout(1_000).setConnectionRequestTimeout(5_000).setSocketTimeout(MERGE_TIMEOUT_MILLIS).build()));
        client.performRequest(merge);
        // Until a refresh, searches read the segments the merge replaced.
        client.performRequest(new Request("POST", path + "/_refresh"));
    }

    /** Whether the engine refused to change settings that are fixed when an index is created (its sort). */
    static boolean layoutFixed(Throwable failure) {
        return SearchEngine.causeSays(failure, "not updateable", "non dynamic settings");
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
