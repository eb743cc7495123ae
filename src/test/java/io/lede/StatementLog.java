package io.lede;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import io.lede.cache.ContentChanges;
import io.lede.cache.ContentWriteInspector;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;

/**
 * The SQL statements the service prepares while a test records, each with the thread that sent
 * it. Hibernate's statistics count every thread's statements together, so a background poll (the
 * webhook sender polls every 100 ms in tests) that ran during a slow request was counted as the
 * request's; a test counts the statements of the threads that serve requests instead. A persistence
 * unit has one inspector: this one takes the service's place in tests and does its work too.
 */
@PersistenceUnitExtension
@Singleton
@Alternative
@Priority(1)
public class StatementLog extends ContentWriteInspector {

    /** One statement, as Hibernate prepared it. */
    public record Sent(String thread, String sql) {

        /** Sent by a thread of the worker pool, which serves blocking requests (pollers have threads of their own). */
        public boolean byWorker() {
            return thread.startsWith("executor-thread");
        }
    }

    private static final Queue<Sent> SENT = new ConcurrentLinkedQueue<>();
    private static volatile boolean recording;

    public StatementLog(ContentChanges changes) {
        super(changes);
    }

    @Override
    public String inspect(String sql) {
        if (recording) {
            SENT.add(new Sent(Thread.currentThread().getName(), sql));
        }
        return super.inspect(sql);
    }

    /** Runs the action and returns the statements the service sent meanwhile, by whatever thread; one recording at a time. */
    public static synchronized List<Sent> during(Supplier<?> action) {
        SENT.clear();
        recording = true;
        try {
            action.get();
        } finally {
            recording = false;
        }
        List<Sent> sent = List.copyOf(SENT);
        SENT.clear();
        return sent;
    }
}
