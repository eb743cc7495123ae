package io.lede.common.cache;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.lede.common.sql.AfterCommit;

/**
 * A counter that moves on after every committed write to content. Whatever is derived from
 * content (cached responses, the language snapshot) remembers the version it was made at and is
 * worthless once the counter has moved: that is what makes a write visible to the very next read.
 *
 * <p>The counter moves after the commit and before the writer's response is sent, so a read
 * cached from the old rows can never be served to a client that has seen the write succeed.
 */
@ApplicationScoped
public class ContentVersion {

    private static final Object REGISTERED = ContentVersion.class;

    private final AtomicLong version = new AtomicLong();
    /** False while changes made elsewhere (other replicas) might go unnoticed; see ContentChangeBroadcaster. */
    private volatile boolean shared = true;
    private final TransactionSynchronizationRegistry transactions;
    private final Event<ContentChanged> changes;

    public ContentVersion(TransactionSynchronizationRegistry transactions, Event<ContentChanged> changes) {
        this.transactions = transactions;
        this.changes = changes;
    }

    public long current() {
        return version.get();
    }

    /** Whether every change, here or on another replica, moves this version on; derived data is trusted only then. */
    public boolean isShared() {
        return shared;
    }

    void shared(boolean shared) {
        this.shared = shared;
    }

    /** The current transaction writes content: move on once it commits (at once outside a transaction). */
    public void writingInCurrentTransaction() {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            changed(true);
            return;
        }
        if (transactions.getResource(REGISTERED) != null) {
            return;
        }
        transactions.putResource(REGISTERED, Boolean.TRUE);
        AfterCommit.run(transactions, () -> changed(true));
    }

    /** Content changed: locally, or on another replica ({@code local == false}). */
    public void changed(boolean local) {
        changes.fire(new ContentChanged(version.incrementAndGet(), local));
    }
}
