package io.lede.search;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.hibernate.search.mapper.orm.mapping.SearchMapping;
import org.hibernate.search.mapper.pojo.massindexing.MassIndexingMonitor;

import io.lede.error.ProblemException;
import io.lede.error.ProblemType;
import io.quarkus.logging.Log;

/**
 * Full rebuilds of the engine's index with Hibernate Search's mass indexer: every article read from
 * the database and written to the engine again, documents replaced in place (the index is not
 * emptied first), so searches keep answering while it runs; then the index is merged into one
 * segment ({@link SearchIndexes#mergeSegments}). One at a time on each replica; the state is that
 * replica's.
 */
@ApplicationScoped
public class Reindexing {

    public enum State {
        IDLE,
        RUNNING,
        FAILED
    }

    /** What {@code GET /v1/admin/search/reindex} shows. */
    public record Status(State state, long indexed, Long total, Instant startedAt, Instant finishedAt, boolean outdated) {
    }

    static final String NO_ENGINE = "No search engine is configured (lede.search.engine=database): searches use the database's own "
            + "full-text index, which is always up to date and has nothing to rebuild";

    /** A rebuild of millions of articles takes minutes; its transactions may take up to a day. */
    static final int REBUILD_TRANSACTION_TIMEOUT_SECONDS = 86_400;

    private final SearchConfig config;
    private final Instance<SearchMapping> mapping;
    private final SearchIndexes indexes;
    private final Clock clock;
    private final AtomicLong indexed = new AtomicLong();
    private final AtomicLong total = new AtomicLong();
    private volatile State state = State.IDLE;
    private volatile Instant startedAt;
    private volatile Instant finishedAt;

    public Reindexing(SearchConfig config, Instance<SearchMapping> mapping, SearchIndexes indexes, Clock clock) {
        this.config = config;
        this.mapping = mapping;
        this.indexes = indexes;
        this.clock = clock;
    }

    public Status status() {
        requireEngine();
        return new Status(state, indexed.get(), state == State.IDLE && startedAt == null ? null : total.get(), startedAt, finishedAt,
                indexes.outdated());
    }

    /**
     * Starts a rebuild; 409 while one runs. With {@code recreate} the index is dropped and created
     * with the current layout first: searches then find only what the rebuild has written so far.
     */
    public synchronized Status start(boolean recreate) {
        requireEngine();
        if (state == State.RUNNING) {
            throw ProblemException.of(ProblemType.CONFLICT, "A rebuild of the search index is already running");
        }
        if (recreate) {
            indexes.recreate();
        } else {
            indexes.ensureIndex();
        }
        indexed.set(0);
        total.set(0);
        startedAt = clock.instant();
        finishedAt = null;
        state = State.RUNNING;
        try {
            mapping.get().scope(Object.class, SearchEngine.ENTITY).massIndexer()
                    .purgeAllOnStart(false)
                    .typesToIndexInParallel(1)
                    .threadsToLoadObjects(2)
                    .batchSizeToLoadObjects(200)
                    // The id scroll runs in one JTA transaction: the default 60 s timeout rolled it back
                    // (and failed the rebuild) at ~450,000 of 1,000,000 articles on 2 cores.
                    .transactionTimeout(REBUILD_TRANSACTION_TIMEOUT_SECONDS)
                    .monitor(new Progress())
                    .start()
                    .whenComplete((done, failure) -> {
                        if (failure == null) {
                            merge();
                        }
                        finished(failure);
                    });
        } catch (RuntimeException e) {
            finished(e);
        }
        return status();
    }

    /**
     * Merges the rebuilt index ({@link SearchIndexes#mergeSegments}). Every document is written by
     * then, so a merge that fails (or outlasts its connection) leaves a complete index that only
     * answers slower: a warning, not a failed rebuild. OpenSearch goes on merging in any case.
     */
    private void merge() {
        try {
            Log.infof("Rebuilt the search index: %d articles; merging its segments", indexed.get());
            indexes.mergeSegments();
            Log.info("Merged the rebuilt search index into one segment");
        } catch (IOException | RuntimeException e) {
            Log.warnf("Merging the rebuilt search index did not finish here (searches answer, slower, until it does): %s", e.getMessage());
        }
    }

    private void finished(Throwable failure) {
        finishedAt = clock.instant();
        if (failure != null) {
            Log.errorf(failure, "Rebuilding the search index failed");
            state = State.FAILED;
        } else {
            Log.infof("Rebuilt the search index: %d articles", indexed.get());
            state = State.IDLE;
        }
    }

    private void requireEngine() {
        if (!config.opensearch()) {
            throw ProblemException.of(ProblemType.CONFLICT, NO_ENGINE);
        }
    }

    private final class Progress implements MassIndexingMonitor {

        @Override
        public void documentsAdded(long increment) {
            indexed.addAndGet(increment);
        }

        @Override
        public void documentsBuilt(long increment) {
        }

        @Override
        public void entitiesLoaded(long increment) {
        }

        @Override
        public void addToTotalCount(long increment) {
            total.addAndGet(increment);
        }

        @Override
        public void indexingCompleted() {
        }
    }
}
