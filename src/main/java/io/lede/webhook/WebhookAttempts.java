package io.lede.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * One attempt to deliver a message: the target checked again (a name may point elsewhere now),
 * the body signed, a POST that follows no redirect, and at most {@link #KEPT_BYTES} of the answer
 * read, all within {@code lede.webhooks.timeout}. Only a 2xx counts as delivered.
 */
@ApplicationScoped
public class WebhookAttempts {

    /** A message claimed for this attempt, with what sending needs of its endpoint. */
    record Claimed(String messageId, java.util.UUID endpointId, String event, String payload, int attempt, String url,
            String sealedSecret) {
    }

    /** What the attempt came to: the receiver's status (null without one) and why it failed. */
    record Outcome(Integer status, String error, Instant at, long durationMs) {
        boolean succeeded() {
            return status != null && status >= 200 && status < 300;
        }
    }

    /** Receivers' answers matter only by their status; a little of the body is read, the rest dropped. */
    static final int KEPT_BYTES = 1024;
    private static final int MAX_ERROR = 500;

    private final Targets targets;
    private final SecretBox secrets;
    private final WebhookConfig config;
    private final Clock clock;
    private final HttpClient client;

    public WebhookAttempts(Targets targets, SecretBox secrets, WebhookConfig config, Clock clock) {
        this.targets = targets;
        this.secrets = secrets;
        this.config = config;
        this.clock = clock;
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(config.timeout()).build();
    }

    Outcome send(Claimed message) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        long started = System.nanoTime();
        Optional<byte[]> secret = secrets.open(message.sealedSecret());
        if (secret.isEmpty()) {
            return new Outcome(null, "cannot sign: the secret cannot be decrypted (lede.webhooks.secret-key missing or changed)",
                    at, 0);
        }
        URI target;
        try {
            target = Targets.parse(message.url());
            targets.checkBeforeSending(target);
        } catch (Targets.Refused e) {
            return new Outcome(null, "target refused: " + e.getMessage(), at, elapsed(started));
        }
        // The receiver checks this against its own clock (Standard Webhooks allows minutes either way): the real time,
        // whatever the service's clock says.
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(target).timeout(config.timeout())
                .header("content-type", "application/json")
                .header("user-agent", "Lede-Webhooks/1")
                .header("webhook-id", message.messageId())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", Signatures.sign(secret.get(), message.messageId(), timestamp, message.payload()))
                .POST(HttpRequest.BodyPublishers.ofString(message.payload(), StandardCharsets.UTF_8)).build();
        CompletableFuture<HttpResponse<Void>> response = client.sendAsync(request, info -> new FirstBytes());
        try {
            int status = response.get(config.timeout().toMillis(), TimeUnit.MILLISECONDS).statusCode();
            boolean ok = status >= 200 && status < 300;
            return new Outcome(status, ok ? null : "the receiver answered " + status, at, elapsed(started));
        } catch (TimeoutException e) {
            response.cancel(true);
            return new Outcome(null, "no answer within " + config.timeout().toSeconds() + " s", at, elapsed(started));
        } catch (ExecutionException e) {
            return new Outcome(null, truncate(describe(e.getCause())), at, elapsed(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            response.cancel(true);
            return new Outcome(null, "interrupted: the replica is stopping", at, elapsed(started));
        }
    }

    private static String describe(Throwable cause) {
        String message = cause == null ? null : cause.getMessage();
        String kind = cause == null ? "error" : cause.getClass().getSimpleName();
        return "could not deliver (" + kind + ")" + (message == null ? "" : ": " + message);
    }

    private static String truncate(String text) {
        return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR);
    }

    private static long elapsed(long started) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    /** Reads up to {@link #KEPT_BYTES} of the answer, then cancels: a receiver cannot make us read megabytes. */
    private static final class FirstBytes implements HttpResponse.BodySubscriber<Void> {
        private final CompletableFuture<Void> done = new CompletableFuture<>();
        private Flow.Subscription subscription;
        private long read;

        @Override
        public CompletionStage<Void> getBody() {
            return done;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            buffers.forEach(buffer -> read += buffer.remaining());
            if (read >= KEPT_BYTES) {
                subscription.cancel();
                done.complete(null);
            } else {
                subscription.request(1);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            done.complete(null);
        }

        @Override
        public void onComplete() {
            done.complete(null);
        }
    }
}
