package io.lede.cache;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.lede.db.AfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.All;
import io.quarkus.logging.Log;

/**
 * What changed in the content, by surrogate key (see {@link io.lede.cache.SurrogateKeys}).
 *
 * <p>During a transaction the keys of every write are collected ({@link EntityChangeListener} from
 * Hibernate's entity and collection events, old state and new); a write whose keys nobody knows
 * (bulk SQL, seen by {@link ContentWriteInspector}) marks the transaction as changing everything.
 * After the commit, before the writer's response is sent, the change is announced once:
 * {@link ContentChanged} to the observers on this replica (response cache, token look-ups, other
 * replicas, the edge), so the next read here sees the write.
 *
 * <p>Each change also moves a generation counter on and is remembered for a while. Whatever is
 * derived from content remembers the generation it was made at and its keys, and asks
 * {@link #revalidate} before it is used: a value computed from rows read before a commit but
 * stored after the commit's eviction is caught that way, without locks.
 */
@ApplicationScoped
public class ContentChanges {

    /** Changes remembered for {@link #revalidate}; anything older than them counts as changed. */
    static final int REMEMBERED = 4096;

    private static final Object COLLECTOR = ContentChanges.class;

    /** What one transaction changed so far, and the tables the entity action under way may write. */
    static final class Collector {
        final Set<String> keys = new LinkedHashSet<>();
        boolean everything;
        /** Tables of the Hibernate entity or collection action being executed; null between actions. */
        Set<String> window;
    }

    private record Remembered(Set<String> keys, boolean everything) {
    }

    private final ConcurrentSkipListMap<Long, Remembered> recent = new ConcurrentSkipListMap<>();
    private int remembered;
    private volatile long generation;
    /** Changes up to this generation are forgotten. */
    private volatile long forgottenUpTo;
    /** False while changes made elsewhere (other replicas) might go unnoticed; see ContentChangeBroadcaster. */
    private volatile boolean shared = true;
    private final TransactionSynchronizationRegistry transactions;
    private final Map<Class<?>, ContentKeySource> sources;
    private final Event<ContentChanged> events;
    private final Counter byKeys;
    private final Counter everything;

    public ContentChanges(TransactionSynchronizationRegistry transactions, Event<ContentChanged> events,
            @All List<ContentKeySource> sources, MeterRegistry registry) {
        this.transactions = transactions;
        this.events = events;
        Map<Class<?>, ContentKeySource> byEntity = new HashMap<>();
        sources.forEach(source -> source.entities().forEach(entity -> byEntity.put(entity, source)));
        this.sources = Map.copyOf(byEntity);
        this.byKeys = Counter.builder("lede.content.changes").tag("scope", "keys")
                .description("Content changes announced by surrogate key").register(registry);
        this.everything = Counter.builder("lede.content.changes").tag("scope", "everything")
                .description("Content changes whose keys were unknown: everything derived was dropped").register(registry);
    }

    /** Who knows the keys of a change to this entity class; null: nobody. */
    ContentKeySource source(Class<?> entity) {
        return sources.get(entity);
    }

    public long generation() {
        return generation;
    }

    /** Whether every change, here or on another replica, reaches this replica; derived data is trusted only then. */
    public boolean isShared() {
        return shared;
    }

    void shared(boolean shared) {
        this.shared = shared;
    }

    /**
     * For a value made at generation {@code checked} from content with these keys: the current
     * generation if nothing that touches the keys changed since (store it as the value's new
     * {@code checked}), or -1 when the value may be out of date.
     */
    public long revalidate(long checked, Set<String> keys) {
        long now = generation;
        if (checked == now) {
            return now;
        }
        return changedSince(checked, keys) ? -1 : now;
    }

    /** Whether a change after generation {@code since} touches any of {@code keys} (or is forgotten). */
    public boolean changedSince(long since, Set<String> keys) {
        if (since < forgottenUpTo) {
            return true;
        }
        for (Remembered change : recent.tailMap(since, false).values()) {
            if (change.everything() || intersects(change.keys(), keys)) {
                return true;
            }
        }
        // A change forgotten while we looked was older than the ones we saw: checked again.
        return since < forgottenUpTo;
    }

    /** The current transaction changes what these keys name (at once outside a transaction). */
    public void touched(Collection<String> keys) {
        Collector collector = collector();
        if (collector == null) {
            changed(Set.copyOf(keys), false, true);
        } else {
            collector.keys.addAll(keys);
        }
    }

    /** The current transaction writes something whose keys are unknown. */
    public void touchedEverything() {
        Collector collector = collector();
        if (collector == null) {
            changed(Set.of(), true, true);
        } else {
            collector.everything = true;
        }
    }

    /** Hibernate is about to execute an entity or collection action writing these tables. */
    void openWindow(Set<String> tables) {
        Collector collector = collector();
        if (collector != null) {
            collector.window = tables;
        }
    }

    /** The action is done; its keys are known. */
    void closeWindow(Collection<String> keys) {
        Collector collector = collector();
        if (collector == null) {
            changed(Set.copyOf(keys), false, true);
            return;
        }
        collector.window = null;
        collector.keys.addAll(keys);
    }

    /**
     * A statement writes {@code table}: fine inside the window of an entity action that writes it
     * (its keys come with the action), a write of unknown reach anywhere else.
     */
    void statementWrites(String table) {
        Collector collector = collector();
        if (collector == null) {
            changed(Set.of(), true, true);
        } else if (collector.window == null || !collector.window.contains(table)) {
            Log.debugf("A write to %s of unknown reach: everything derived will be dropped", table);
            collector.everything = true;
        }
    }

    /** Announces a change: remembered first, then told to the observers. */
    public void changed(Set<String> keys, boolean everything, boolean local) {
        if (!everything && keys.isEmpty()) {
            return;
        }
        synchronized (this) {
            long next = generation + 1;
            recent.put(next, new Remembered(keys, everything));
            if (++remembered > REMEMBERED) {
                long oldest = recent.firstKey();
                forgottenUpTo = oldest;
                recent.remove(oldest);
                remembered--;
            }
            generation = next;
        }
        (everything ? this.everything : byKeys).increment();
        events.fire(new ContentChanged(keys, everything, local));
    }

    private Collector collector() {
        int status = transactions.getTransactionStatus();
        if (status == Status.STATUS_NO_TRANSACTION) {
            return null;
        }
        Collector collector = (Collector) transactions.getResource(COLLECTOR);
        if (collector == null) {
            if (status != Status.STATUS_ACTIVE) {
                // Too late to register for the commit (rolling back or completing): announce at once.
                return null;
            }
            Collector created = new Collector();
            transactions.putResource(COLLECTOR, created);
            AfterCommit.run(transactions, () -> changed(Set.copyOf(created.keys), created.everything, true));
            collector = created;
        }
        return collector;
    }

    private static boolean intersects(Set<String> a, Set<String> b) {
        Set<String> smaller = a.size() <= b.size() ? a : b;
        Set<String> larger = smaller == a ? b : a;
        for (String key : smaller) {
            if (larger.contains(key)) {
                return true;
            }
        }
        return false;
    }
}
