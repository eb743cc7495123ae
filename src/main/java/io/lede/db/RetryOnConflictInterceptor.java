package io.lede.db;

import java.util.concurrent.ThreadLocalRandom;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;

import io.quarkus.logging.Log;

/**
 * Runs a {@link RetryOnConflict} method again when it lost a race. Ordered before the
 * {@code @Transactional} interceptor (PLATFORM_BEFORE + 200), so each attempt is a transaction of
 * its own: on PostgreSQL a failed statement spoils the rest of its transaction. Only the outermost
 * call retries; a call made inside a running transaction is part of that transaction's attempt.
 */
@RetryOnConflict
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class RetryOnConflictInterceptor {

    /** Enough for a burst of writers on one row: each round lets at least one of them through. */
    static final int ATTEMPTS = 5;

    private static final ThreadLocal<Integer> ATTEMPT = new ThreadLocal<>();

    private final TransactionManager transactions;

    public RetryOnConflictInterceptor(TransactionManager transactions) {
        this.transactions = transactions;
    }

    /** Whether the write running on this thread is its last attempt: losing this race too would fail the request. */
    public static boolean isLastAttempt() {
        Integer attempt = ATTEMPT.get();
        return attempt != null && attempt == ATTEMPTS;
    }

    @AroundInvoke
    Object retry(InvocationContext context) throws Exception {
        if (ATTEMPT.get() != null || inTransaction()) {
            return context.proceed();
        }
        try {
            for (int attempt = 1;; attempt++) {
                ATTEMPT.set(attempt);
                try {
                    return context.proceed();
                } catch (Exception e) {
                    if (attempt == ATTEMPTS || !Conflicts.isLostRace(e)) {
                        throw e;
                    }
                    Log.debugf("%s lost a race (attempt %d), running it again: %s", context.getMethod().getName(), attempt,
                            e.getMessage());
                    pause(attempt);
                }
            }
        } finally {
            ATTEMPT.remove();
        }
    }

    private boolean inTransaction() throws SystemException {
        return transactions.getStatus() != Status.STATUS_NO_TRANSACTION;
    }

    /** A short random wait, growing with each attempt, so that the losers of one race do not collide again. */
    private static void pause(int attempt) throws InterruptedException {
        Thread.sleep(ThreadLocalRandom.current().nextLong(2, 10L * attempt + 2));
    }
}
