package io.lede.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The {@code lede.webhooks.*} settings. */
@ConfigMapping(prefix = "lede.webhooks")
public interface WebhookConfig {

    /**
     * The key (base64 of 16, 24 or 32 bytes) that encrypts the endpoints' signing secrets at rest
     * (AES-GCM). Without one, registering an endpoint answers 503 and nothing is signed: a secret
     * is never stored in the clear.
     */
    Optional<String> secretKey();

    /** The waits before each retry; when they are spent, the message is given up. */
    @WithDefault("5s,30s,2m,10m,1h,3h,8h")
    List<Duration> retrySchedule();

    /** An endpoint whose attempts have failed for this long, without a success between, is disabled. */
    @WithDefault("24h")
    Duration disableAfter();

    /** Whether targets on loopback, link-local and private addresses are allowed (for tests and closed networks). */
    @WithDefault("false")
    boolean allowPrivateTargets();

    /** How long one attempt may take, connection included. */
    @WithDefault("10s")
    Duration timeout();

    /** How often each replica looks for due messages (retries, and messages another replica left). */
    @WithDefault("1s")
    Duration pollInterval();

    /**
     * A new message is sent by the replica that committed it, right after the change is visible to
     * readers. Only if that replica dies first may another one send it, this long after the commit.
     */
    @WithDefault("10s")
    Duration orphanAfter();
}
