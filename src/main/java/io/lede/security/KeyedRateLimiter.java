package io.lede.security;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Token buckets by key (a client address, a token), refilled continuously to {@code perMinute}.
 * At most {@code maxKeys} buckets are kept; the one used longest ago goes first, and a forgotten
 * client simply starts again with a full bucket. Small and synchronized: one map operation a call.
 */
public final class KeyedRateLimiter {

    /** The outcome of one request: whether it may pass, what is left, and when the bucket is full again. */
    public record Decision(boolean allowed, int limit, int remaining, long resetSeconds, long retryAfterSeconds) {

        /** The decision for a bucket of {@code perMinute} holding {@code tokens} after the request was counted (or refused). */
        public static Decision of(boolean allowed, int perMinute, double tokens) {
            double perSecond = perMinute / 60.0;
            long reset = (long) Math.ceil((perMinute - tokens) / perSecond);
            long retryAfter = allowed ? 0 : Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
            return new Decision(allowed, perMinute, (int) Math.floor(tokens), reset, retryAfter);
        }
    }

    private static final long NANOS_PER_MINUTE = 60_000_000_000L;

    private final int perMinute;
    private final int maxKeys;
    private final Map<String, double[]> buckets;

    public KeyedRateLimiter(int perMinute, int maxKeys) {
        this.perMinute = perMinute;
        this.maxKeys = maxKeys;
        // Access order: iteration starts at the bucket used longest ago.
        this.buckets = new LinkedHashMap<>(1024, 0.75f, true);
    }

    public Decision take(String key, long nowNanos) {
        synchronized (buckets) {
            double[] bucket = buckets.get(key);
            if (bucket == null) {
                bucket = new double[] { perMinute, nowNanos };
                buckets.put(key, bucket);
                trim();
            }
            double refill = (nowNanos - (long) bucket[1]) * perMinute / (double) NANOS_PER_MINUTE;
            bucket[0] = Math.min(perMinute, bucket[0] + Math.max(0, refill));
            bucket[1] = nowNanos;
            boolean allowed = bucket[0] >= 1;
            if (allowed) {
                bucket[0] -= 1;
            }
            return Decision.of(allowed, perMinute, bucket[0]);
        }
    }

    /** Counts an event against the key without refusing it (failed authentications). */
    public void record(String key, long nowNanos) {
        take(key, nowNanos);
    }

    /** Whether the key has no allowance left, without using any. */
    public boolean exhausted(String key, long nowNanos) {
        synchronized (buckets) {
            double[] bucket = buckets.get(key);
            if (bucket == null) {
                return false;
            }
            double refill = (nowNanos - (long) bucket[1]) * perMinute / (double) NANOS_PER_MINUTE;
            return bucket[0] + Math.max(0, refill) < 1;
        }
    }

    public int size() {
        synchronized (buckets) {
            return buckets.size();
        }
    }

    private void trim() {
        Iterator<String> oldest = buckets.keySet().iterator();
        while (buckets.size() > maxKeys && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
    }

}
