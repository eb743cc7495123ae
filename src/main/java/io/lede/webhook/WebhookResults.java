package io.lede.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** The outbox's bookkeeping: claiming a message for an attempt, and what the attempt's outcome means. */
@ApplicationScoped
public class WebhookResults {

    private final WebhookConfig config;
    private final Clock clock;

    public WebhookResults(WebhookConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** In the claiming transaction, with the row locked: this attempt is counted and the message leased to it. */
    WebhookAttempts.Claimed claim(String id, Instant now) {
        WebhookMessage message = WebhookMessage.findById(id);
        WebhookEndpoint endpoint = WebhookEndpoint.findById(message.endpointId);
        message.attempts++;
        // Twice the timeout and some: long after this attempt has ended, one way or another.
        message.nextAttemptAt = now.plus(config.timeout().multipliedBy(2)).plusSeconds(5);
        return new WebhookAttempts.Claimed(message.id, endpoint.id, message.event, message.payload, message.attempts,
                endpoint.url, endpoint.secret);
    }

    /** The attempt's outcome: logged; the message delivered, due again, or given up; the endpoint's health. */
    void record(WebhookAttempts.Claimed claimed, WebhookAttempts.Outcome outcome) {
        QuarkusTransaction.requiringNew().run(() -> {
            WebhookDelivery delivery = new WebhookDelivery();
            delivery.id = UUID.randomUUID();
            delivery.messageId = claimed.messageId();
            delivery.endpointId = claimed.endpointId();
            delivery.event = claimed.event();
            delivery.attempt = claimed.attempt();
            delivery.status = outcome.status();
            delivery.error = outcome.error();
            delivery.at = outcome.at();
            delivery.durationMs = outcome.durationMs();
            WebhookEndpoint endpoint = WebhookEndpoint.findById(claimed.endpointId(), LockModeType.PESSIMISTIC_WRITE);
            WebhookMessage message = WebhookMessage.findById(claimed.messageId(), LockModeType.PESSIMISTIC_WRITE);
            if (endpoint == null || message == null) {
                return; // Deleted meanwhile: nothing left to account for.
            }
            delivery.persist();
            Instant now = now();
            if (outcome.succeeded()) {
                message.state = WebhookMessage.State.DELIVERED;
                endpoint.failureCount = 0;
                endpoint.failingSince = null;
                return;
            }
            List<Duration> schedule = config.retrySchedule();
            if (message.attempts <= schedule.size()) {
                message.state = WebhookMessage.State.PENDING;
                message.nextAttemptAt = now.plus(schedule.get(message.attempts - 1));
            } else {
                message.state = WebhookMessage.State.FAILED;
                Log.warnf("Gave up webhook message %s (%s) to endpoint %s after %d attempts", message.id, message.event,
                        endpoint.id, message.attempts);
            }
            endpoint.failureCount++;
            if (endpoint.failingSince == null) {
                endpoint.failingSince = outcome.at();
            }
            if (!endpoint.disabled && !endpoint.failingSince.plus(config.disableAfter()).isAfter(now)) {
                endpoint.disabled = true;
                endpoint.updatedAt = now;
                Log.warnf("Disabled webhook endpoint %s: its deliveries have failed since %s", endpoint.id, endpoint.failingSince);
            }
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
