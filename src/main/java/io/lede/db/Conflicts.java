package io.lede.db;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;

import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.LockAcquisitionException;
import org.hibernate.exception.LockTimeoutException;

/** Failures that mean a write lost a race with another one, rather than that it was wrong. */
public final class Conflicts {

    /**
     * SQLSTATEs of a lost race: a unique or foreign key the other writer got first (23505, 23503),
     * a serialization failure or H2's deadlock (40001), PostgreSQL's deadlock (40P01), H2's lock
     * timeout (HYT00).
     */
    private static final Set<String> STATES = Set.of("23505", "23503", "40001", "40P01", "HYT00");

    private Conflicts() {
    }

    /** Whether this failure, or any cause or suppressed failure of it, is a lost race. */
    public static boolean isLostRace(Throwable failure) {
        return find(failure, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    /** A unique or foreign key violation: what a concurrent writer committed first. */
    public static boolean isConstraintViolation(Throwable cause) {
        return cause instanceof ConstraintViolationException violation
                && (violation.getKind() == ConstraintViolationException.ConstraintKind.UNIQUE
                        || violation.getKind() == ConstraintViolationException.ConstraintKind.FOREIGN_KEY);
    }

    private static boolean find(Throwable failure, Set<Throwable> seen) {
        if (failure == null || !seen.add(failure)) {
            return false;
        }
        if (failure instanceof OptimisticLockException || failure instanceof StaleStateException
                || failure instanceof PessimisticLockException || failure instanceof LockAcquisitionException
                || failure instanceof LockTimeoutException || isConstraintViolation(failure)
                || failure instanceof SQLException sql && sql.getSQLState() != null && STATES.contains(sql.getSQLState())) {
            return true;
        }
        for (Throwable suppressed : failure.getSuppressed()) {
            if (find(suppressed, seen)) {
                return true;
            }
        }
        return find(failure.getCause(), seen);
    }
}
