package io.lede.live.stream;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * The stored events of every stream: what a client reconnecting with {@code Last-Event-ID} is
 * replayed from, on whichever replica it reconnects to. Events are appended in the transaction of
 * the change they report, so an event exists exactly when its change committed.
 *
 * <p>Each stream's last id is a row of {@code live_stream}, updated before an event is inserted: the
 * row lock orders the writers of one stream, so ids are given out in commit order and a reader that
 * has seen id n can never later find a smaller one appear. The tables hold nothing a cached response
 * shows, so these writes invalidate nothing (ContentWriteInspector).
 */
@ApplicationScoped
@Transactional
public class LiveEvents {

    /** Where a subscriber starts: after this id, with or without a reset event first; the stream's last id then. */
    public record Start(long after, long latest, boolean reset) {
    }

    private final EntityManager entityManager;
    private final LiveNotifications notifications;
    private final LiveConfig config;

    public LiveEvents(EntityManager entityManager, LiveNotifications notifications, LiveConfig config) {
        this.entityManager = entityManager;
        this.notifications = notifications;
        this.config = config;
    }

    /** Appends an event to a stream in the caller's transaction; subscribers everywhere hear of it once that commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long append(String stream, String name, String data, boolean visibleToPublic) {
        int updated = entityManager.createNativeQuery("update live_stream set last_seq = last_seq + 1 where stream = :stream")
                .setParameter("stream", stream).executeUpdate();
        if (updated == 0) {
            // The stream's first event. Two first events at once: one insert fails and its write runs again.
            entityManager.createNativeQuery("insert into live_stream (stream, last_seq) values (:stream, 1)")
                    .setParameter("stream", stream).executeUpdate();
        }
        long seq = latest(stream);
        entityManager.createNativeQuery("insert into live_event (stream, seq, event, data, is_public, created_at)"
                + " values (:stream, :seq, :event, :data, :visible, :at)")
                .setParameter("stream", stream).setParameter("seq", seq).setParameter("event", name)
                .setParameter("data", data).setParameter("visible", visibleToPublic)
                .setParameter("at", Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .executeUpdate();
        notifications.announce(stream);
        return seq;
    }

    /** The stream's last event id; 0 before its first event. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long latest(String stream) {
        List<?> rows = entityManager.createNativeQuery("select last_seq from live_stream where stream = :stream")
                .setParameter("stream", stream).getResultList();
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).longValue();
    }

    /**
     * Up to {@code limit} events after id {@code seq}, in order, and no more than {@code maxChars}
     * characters of data in all (but at least one event): entries can be large, so the sizes are
     * read first and only what fits is loaded.
     */
    public List<LiveEvent> after(String stream, long seq, int limit, long maxChars) {
        List<?> sizes = entityManager.createNativeQuery("select seq, length(data) from live_event"
                + " where stream = :stream and seq > :seq order by seq", Object[].class)
                .setParameter("stream", stream).setParameter("seq", seq).setMaxResults(limit).getResultList();
        if (sizes.isEmpty()) {
            return List.of();
        }
        long upTo = seq;
        long chars = 0;
        for (Object size : sizes) {
            Object[] columns = (Object[]) size;
            chars += ((Number) columns[1]).longValue();
            if (upTo > seq && chars > maxChars) {
                break;
            }
            upTo = ((Number) columns[0]).longValue();
        }
        List<?> rows = entityManager.createNativeQuery("select seq, event, data, is_public, created_at from live_event"
                + " where stream = :stream and seq > :seq and seq <= :upTo order by seq", Object[].class)
                .setParameter("stream", stream).setParameter("seq", seq).setParameter("upTo", upTo).getResultList();
        List<LiveEvent> events = new ArrayList<>(rows.size());
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            events.add(new LiveEvent(stream, ((Number) columns[0]).longValue(), (String) columns[1], (String) columns[2],
                    (Boolean) columns[3], instant(columns[4])));
        }
        return events;
    }

    /**
     * Where a client that last saw {@code lastEventId} resumes: after it when every event since is
     * still kept; otherwise (events pruned, an id this stream never gave out, or none at all) a
     * reset, then only what comes next. Without a Last-Event-ID: what comes next.
     */
    public Start start(String stream, String lastEventId) {
        long latest = latest(stream);
        if (lastEventId == null || lastEventId.isBlank()) {
            return new Start(latest, latest, false);
        }
        long last;
        try {
            last = Long.parseLong(lastEventId.trim());
        } catch (NumberFormatException e) {
            return new Start(latest, latest, true);
        }
        if (last < 0 || last > latest) {
            return new Start(latest, latest, true);
        }
        if (last == latest) {
            return new Start(latest, latest, false);
        }
        List<?> oldest = entityManager.createNativeQuery("select min(seq) from live_event where stream = :stream")
                .setParameter("stream", stream).getResultList();
        Object min = oldest.isEmpty() ? null : oldest.get(0);
        boolean kept = min != null && ((Number) min).longValue() <= last + 1;
        return kept ? new Start(last, latest, false) : new Start(latest, latest, true);
    }

    @Scheduled(every = "1h", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pruneOld() {
        int removed = prune(Instant.now(), config.replayAge(), config.replayEvents());
        if (removed > 0) {
            Log.infof("Pruned %d stream events older than %s and beyond the last %d of their stream", removed,
                    config.replayAge(), config.replayEvents());
        }
    }

    /**
     * Removes the events a client may no longer be replayed: older than {@code age} and not among
     * the last {@code keep} of their stream. The streams' last ids stay, so ids never repeat.
     */
    public int prune(Instant now, Duration age, int keep) {
        Instant cutoff = now.minus(age);
        int removed = entityManager.createNativeQuery("delete from live_event where created_at < :cutoff"
                + " and seq <= (select s.last_seq from live_stream s where s.stream = live_event.stream) - :keep")
                .setParameter("cutoff", cutoff).setParameter("keep", keep).executeUpdate();
        return removed + pruneDeleted(cutoff);
    }

    /**
     * Removes the streams of deleted articles once their last event is older than the cutoff: a
     * deleted article's stream answers 404, so nobody can replay it, and its ids never come back
     * (article ids are never reused). Until then replicas still deliver its last event.
     */
    private int pruneDeleted(Instant cutoff) {
        String gone = " s.stream <> '" + Streams.SITE + "' and not exists (select 1 from article a where a.id ="
                + " case when s.stream = '" + Streams.SITE + "' then null else cast(s.stream as uuid) end)"
                + " and not exists (select 1 from live_event r where r.stream = s.stream and r.created_at >= :cutoff)";
        int removed = entityManager.createNativeQuery("delete from live_event where stream in (select s.stream from live_stream s where" + gone + ")")
                .setParameter("cutoff", cutoff).executeUpdate();
        entityManager.createNativeQuery("delete from live_stream s where" + gone).setParameter("cutoff", cutoff).executeUpdate();
        return removed;
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime time) {
            return time.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
