package io.lede;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;

import jakarta.inject.Singleton;

/**
 * The clock the service runs on in tests, in place of the system's: the system's time, moved by
 * tests that need another. Tests that move it put it back ({@link #reset()}) when they are done.
 */
@Singleton
public class TestClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    /** From now on the service's time reads {@code at}, and runs on from there. */
    public void setTo(Instant at) {
        offset = Duration.between(Instant.now(), at);
    }

    /** Runs {@code action} with the service's time set to {@code at}, then goes back to the system's time. */
    public <T> T at(Instant at, Supplier<T> action) {
        setTo(at);
        try {
            return action.get();
        } finally {
            reset();
        }
    }

    /** Back to the system's time. */
    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }
}
