package io.lede.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Sends the outbox, on every replica. A message is claimed in a short transaction with
 * {@code FOR UPDATE SKIP LOCKED}: its attempt counted and its next attempt moved past this one's
 * timeout, so no other replica takes it meanwhile, and one that dies mid-send leaves it due again.
 * Then it is sent outside any transaction, and the outcome recorded in another. Editors' writes
 * never wait for any of this: they only insert rows.
 *
 * <p>Messages come two ways: released by {@link WebhookReleases} right after their change became
 * visible on this replica, and found due by a poll every {@code lede.webhooks.poll-interval}
 * (retries, and messages orphaned by a replica that died).
 */
@ApplicationScoped
public class WebhookSender {

    /** Attempts under way at once on this replica; each may take up to the timeout. */
    static final int PARALLEL = 8;

    private final EntityManager entityManager;
    private final WebhookAttempts attempts;
    private final WebhookResults results;
    private final WebhookConfig config;
    private final Clock clock;
    private final boolean skipLocked;
    private final LinkedBlockingQueue<String> released = new LinkedBlockingQueue<>();
    private final Semaphore slots = new Semaphore(PARALLEL);
    private ExecutorService senders;
    private Thread loop;
    private volatile boolean running;

    public WebhookSender(EntityManager entityManager, WebhookAttempts attempts, WebhookResults results, WebhookConfig config,
            Clock clock, @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.entityManager = entityManager;
        this.attempts = attempts;
        this.results = results;
        this.config = config;
        this.clock = clock;
        // H2 (one replica: dev and tests) locks rows with FOR UPDATE but has no SKIP LOCKED.
        this.skipLocked = dbKind.toLowerCase(Locale.ROOT).startsWith("postgres");
    }

    void start(@Observes StartupEvent event) {
        running = true;
        senders = Executors.newFixedThreadPool(PARALLEL, runnable -> {
            Thread thread = new Thread(runnable, "lede-webhook-send");
            thread.setDaemon(true);
            return thread;
        });
        loop = new Thread(this::run, "lede-webhook-sender");
        loop.setDaemon(true);
        loop.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (loop != null) {
            loop.interrupt();
            senders.shutdownNow();
        }
    }

    /** Committed messages whose change readers can see now: sent at once. */
    void release(List<String> ids) {
        released.addAll(ids);
    }

    private void run() {
        while (running) {
            try {
                List<String> ids = new ArrayList<>();
                String first = released.poll(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                if (first != null) {
                    ids.add(first);
                    released.drainTo(ids);
                }
                slots.acquire();
                slots.release();
                // No more claimed than can be sent at once: a claim waiting for a slot could outlive its lease.
                int room = slots.availablePermits();
                if (ids.size() > room) {
                    released.addAll(ids.subList(room, ids.size()));
                    ids = new ArrayList<>(ids.subList(0, room));
                }
                for (WebhookAttempts.Claimed claimed : claim(ids)) {
                    slots.acquire();
                    senders.execute(() -> {
                        try {
                            results.record(claimed, attempts.send(claimed));
                        } catch (RuntimeException e) {
                            Log.warnf("Could not record a webhook attempt of %s: %s", claimed.messageId(), e.getMessage());
                        } finally {
                            slots.release();
                        }
                    });
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The database may be down: try again on the next round.
                Log.warnf("Webhook sender: %s", e.getMessage());
            }
        }
    }

    /** The released messages and whatever else is due, claimed; no more than there are free slots. */
    private List<WebhookAttempts.Claimed> claim(List<String> releasedIds) {
        int room = Math.max(1, slots.availablePermits());
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            // The released ones may be due as well: each is claimed once.
            Set<String> ids = new LinkedHashSet<>();
            if (!releasedIds.isEmpty()) {
                ids.addAll(select("m.id in (:ids) and (m.attempts = 0 or m.next_attempt_at <= :now)", releasedIds, now, releasedIds.size()));
            }
            if (ids.size() < room) {
                ids.addAll(select("m.next_attempt_at <= :now", null, now, room - ids.size()));
            }
            List<WebhookAttempts.Claimed> claimed = new ArrayList<>();
            for (String id : ids) {
                claimed.add(results.claim(id, now));
            }
            return claimed;
        });
    }

    @SuppressWarnings("unchecked")
    private List<String> select(String condition, List<String> ids, Instant now, int limit) {
        var query = entityManager.createNativeQuery("select m.id from webhook_message m where m.state = 'PENDING' and "
                + condition + " and m.endpoint_id in (select e.id from webhook_endpoint e where e.disabled = false)"
                + " order by m.next_attempt_at, m.id fetch first " + limit + " rows only for update"
                + (skipLocked ? " skip locked" : ""));
        if (ids != null) {
            query.setParameter("ids", ids);
        }
        query.setParameter("now", now);
        return query.getResultList();
    }
}
