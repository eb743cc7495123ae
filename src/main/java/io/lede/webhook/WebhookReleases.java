package io.lede.webhook;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.lede.cache.ContentChanged;

/**
 * Sends a committed message only once its change is visible to readers. After a commit, on the
 * committing thread, {@link io.lede.cache.ContentChanges} announces the change: this replica's
 * response cache drops what it changed, other replicas are notified (PostgreSQL NOTIFY) and the
 * edge is purged. This observer comes after those, and only then hands the transaction's messages
 * to the {@link WebhookSender}.
 *
 * <p>The messages' own after-commit callback may run before or after that announcement (both are
 * commit synchronizations), so each side leaves a note on the thread for the other: whichever runs
 * second releases. A message whose announcement never comes (the replica died) is sent by any
 * replica once {@code lede.webhooks.orphan-after} has passed.
 */
@ApplicationScoped
public class WebhookReleases {

    /** After every observer that makes a change visible (cache, other replicas, edge). */
    static final int ORDER = 10_000;

    /** Messages recorded by the transaction under way on this thread. */
    private static final ThreadLocal<List<String>> RECORDED = ThreadLocal.withInitial(ArrayList::new);
    /** Messages committed on this thread, waiting for their change to be announced. */
    private static final ThreadLocal<List<String>> COMMITTED = ThreadLocal.withInitial(ArrayList::new);
    /** Whether this thread's last commit has been announced already. */
    private static final ThreadLocal<Boolean> ANNOUNCED = ThreadLocal.withInitial(() -> false);

    private final WebhookSender sender;

    public WebhookReleases(WebhookSender sender) {
        this.sender = sender;
    }

    /** A transaction on this thread records its first message. */
    void beginTransaction() {
        RECORDED.get().clear();
        ANNOUNCED.set(false);
    }

    void recorded(List<String> ids) {
        RECORDED.get().addAll(ids);
    }

    /** Replaced by a weightier message in the same transaction. */
    void forget(List<String> ids) {
        RECORDED.get().removeAll(ids);
    }

    /** The transaction committed. */
    void committed() {
        List<String> ids = List.copyOf(RECORDED.get());
        RECORDED.get().clear();
        if (ANNOUNCED.get()) {
            sender.release(ids);
        } else {
            COMMITTED.get().addAll(ids);
        }
    }

    void announced(@Observes @Priority(ORDER) ContentChanged change) {
        if (!change.local()) {
            return;
        }
        ANNOUNCED.set(true);
        List<String> waiting = COMMITTED.get();
        if (!waiting.isEmpty()) {
            List<String> ids = List.copyOf(waiting);
            waiting.clear();
            sender.release(ids);
        }
    }
}
