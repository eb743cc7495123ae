package io.lede.live.stream;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.lede.article.ArticleStatus;
import io.lede.article.ArticleTombstone;
import io.lede.article.LiveCoverage;
import io.lede.article.LiveStatus;
import io.lede.cache.ContentChanged;
import io.lede.db.Conflicts;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;

/**
 * Records what each committed content change means for the streams: a {@code changed} event on
 * the site-wide stream with the change's public surrogate keys ({@link PublicKeys}), and an
 * {@code article.updated} event on the stream of every article it touched. Entry events are not
 * made here: the entry service appends them in its own transaction.
 *
 * <p>It works from {@link ContentChanged}, the one account of what a commit changed that every
 * write path already gives (entity writes, scheduled publishing, bulk statements), so no writer
 * needs to know about streams. The events are appended right after the writer's commit, on a
 * thread of their own, in order; a replica that dies between the two loses that one event.
 */
@ApplicationScoped
public class LiveRecorder {

    /** The {@code data} of a {@code changed} event. */
    @Schema(name = "ContentChange")
    public record Changed(@Schema(required = true) List<String> keys, @Schema(required = true) Instant at) {
    }

    /** The {@code data} of an {@code article.updated} event: what changed; the article itself is one GET away. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ArticleUpdate")
    public record ArticleUpdated(@Schema(required = true) String id, Long version, Instant updatedAt, ArticleStatus status,
            @Schema(nullable = true) LiveCoverage live, @Schema(description = "true when the article was deleted") Boolean deleted) {
    }

    /** Stands for every key when a change's keys are unknown, as in edge purges. */
    static final String ALL = "all";
    private static final int ATTEMPTS = 3;

    private final LiveEvents events;
    private final PublicKeys publicKeys;
    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final ExecutorService recorder = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "lede-live-recorder");
        thread.setDaemon(true);
        return thread;
    });

    public LiveRecorder(LiveEvents events, PublicKeys publicKeys, EntityManager entityManager, ObjectMapper json) {
        this.events = events;
        this.publicKeys = publicKeys;
        this.entityManager = entityManager;
        this.json = json;
    }

    /** After a local commit (other replicas record their own). */
    void changed(@Observes ContentChanged change) {
        if (change.local()) {
            recorder.execute(() -> record(change));
        }
    }

    void stop(@Observes ShutdownEvent event) {
        recorder.shutdown();
    }

    private void record(ContentChanged change) {
        for (int attempt = 1;; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> append(change));
                return;
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || !Conflicts.isLostRace(e)) {
                    Log.warnf("Could not record stream events of a change to %s: %s", change.keys(), e.getMessage());
                    return;
                }
            }
        }
    }

    private void append(ContentChanged change) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Set<String> keys = change.everything() ? Set.of(ALL) : publicKeys.of(change.keys());
        // The site stream first, then articles in id order: writers on several replicas lock streams in one order.
        if (!keys.isEmpty()) {
            events.append(Streams.SITE, "changed", write(new Changed(new ArrayList<>(keys), now)), true);
        }
        Set<UUID> articles = new TreeSet<>();
        change.keys().forEach(key -> {
            if (key.startsWith("article-") && !key.startsWith("article-quotes-")) {
                PublicKeys.articleOf(key).ifPresent(articles::add);
            }
        });
        for (UUID id : articles) {
            articleUpdated(id);
        }
    }

    private void articleUpdated(UUID id) {
        List<Object[]> rows = entityManager.createQuery("select a.version, a.updatedAt, a.status, a.liveStatus, a.liveStartedAt,"
                + " a.liveEndedAt, a.firstPublishedAt from Article a where a.id = :id", Object[].class)
                .setParameter("id", id).getResultList();
        if (rows.isEmpty()) {
            // Deleted: the public heard of it only if it had been out (then it left a tombstone).
            boolean wasPublic = entityManager.find(ArticleTombstone.class, id) != null;
            events.append(Streams.article(id), "article.updated",
                    write(new ArticleUpdated(id.toString(), null, null, null, null, true)), wasPublic);
            return;
        }
        Object[] row = rows.get(0);
        ArticleStatus status = (ArticleStatus) row[2];
        LiveCoverage live = row[3] == null ? null : new LiveCoverage((LiveStatus) row[3], (Instant) row[4], (Instant) row[5]);
        boolean everPublic = status == ArticleStatus.PUBLISHED || row[6] != null;
        events.append(Streams.article(id), "article.updated",
                write(new ArticleUpdated(id.toString(), (Long) row[0], (Instant) row[1], status, live, null)), everPublic);
    }

    private String write(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stream event could not be serialised", e);
        }
    }
}
