package io.lede.webhook;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;

import com.fasterxml.jackson.databind.JsonNode;

import io.lede.db.AfterCommit;
import io.lede.error.ProblemException;
import io.lede.error.ProblemType;
import io.lede.http.IfMatch;
import io.lede.http.VersionedWrites;
import io.lede.input.MergePatcher;
import io.lede.paging.Cursor;
import io.lede.text.Ids;
import io.quarkus.logging.Log;

/** Endpoints' rules: what may be targeted and subscribed to, secrets, the delivery log, retries. */
@ApplicationScoped
@Transactional
public class WebhookService {

    /** An endpoint just registered, with its secret as the admin sees it this once. */
    public record Registered(WebhookView view, String secret) {
    }

    /** A page of the delivery log, newest first. */
    public record Deliveries(List<DeliveryView> items, Cursor next) {
    }

    static final String NEWEST = "newest";

    private final SecretBox secrets;
    private final Targets targets;
    private final MergePatcher patcher;
    private final VersionedWrites writes;
    private final WebhookSender sender;
    private final TransactionSynchronizationRegistry transactions;
    private final Clock clock;

    public WebhookService(SecretBox secrets, Targets targets, MergePatcher patcher, VersionedWrites writes, WebhookSender sender,
            TransactionSynchronizationRegistry transactions, Clock clock) {
        this.secrets = secrets;
        this.targets = targets;
        this.patcher = patcher;
        this.writes = writes;
        this.sender = sender;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Registered register(WebhookRequest request) {
        secrets.requireKey();
        Instant now = now();
        WebhookEndpoint endpoint = new WebhookEndpoint();
        endpoint.id = UUID.randomUUID();
        endpoint.createdAt = now;
        apply(request, endpoint, now);
        byte[] secret = SecretBox.newSecret();
        endpoint.secret = secrets.seal(secret);
        endpoint.persistAndFlush();
        Log.infof("Registered webhook endpoint %s for %s", endpoint.id, endpoint.events);
        return new Registered(WebhookView.of(endpoint), SecretBox.shown(secret));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<WebhookView> list() {
        return WebhookEndpoint.newestFirst().stream().map(WebhookView::of).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public WebhookView find(String id) {
        return WebhookView.of(existing(id));
    }

    /** PATCH: an RFC 7396 merge patch over the endpoint's request form, checked as a whole. */
    public WebhookView patch(String id, JsonNode patch, IfMatch ifMatch) {
        WebhookEndpoint endpoint = writes.lock(id, "webhook", WebhookEndpoint::lockedById, ifMatch, WebhookView::of);
        WebhookRequest current = new WebhookRequest(endpoint.url, endpoint.eventList(), endpoint.description, endpoint.disabled);
        apply(patcher.apply(current, patch, WebhookRequest.class), endpoint, now());
        endpoint.flush();
        return WebhookView.of(endpoint);
    }

    /** Deletes the endpoint with its pending messages and its log. */
    public void delete(String id, IfMatch ifMatch) {
        WebhookEndpoint endpoint = writes.lock(id, "webhook", WebhookEndpoint::lockedById, ifMatch, WebhookView::of);
        // Its messages and log go with it (on delete cascade): no bulk statement, which caches would take for a change of everything.
        endpoint.delete();
        Log.infof("Deleted webhook endpoint %s", endpoint.id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Deliveries deliveries(String id, Cursor after, int limit) {
        WebhookEndpoint endpoint = existing(id);
        List<WebhookDelivery> rows = after == null
                ? WebhookDelivery.find("endpointId = ?1 order by at desc, id desc", endpoint.id).page(0, limit + 1).list()
                : WebhookDelivery.find("endpointId = ?1 and (at < ?2 or (at = ?2 and id < ?3)) order by at desc, id desc",
                        endpoint.id, after.instant(0), after.uuid(1)).page(0, limit + 1).list();
        List<DeliveryView> items = new ArrayList<>();
        rows.stream().limit(limit).forEach(row -> items.add(DeliveryView.of(row)));
        Cursor next = null;
        if (rows.size() > limit) {
            DeliveryView last = items.get(items.size() - 1);
            next = Cursor.after(NEWEST, last.at(), last.id());
        }
        return new Deliveries(items, next);
    }

    /** Sends the delivery's message again now, with the same webhook-id; one more attempt if the schedule was spent. */
    public DeliveryView.Retry retry(String id, String deliveryId) {
        WebhookEndpoint endpoint = existing(id);
        WebhookDelivery delivery = Ids.parse(deliveryId).map(key -> WebhookDelivery.<WebhookDelivery> findById(key))
                .filter(found -> found.endpointId.equals(endpoint.id))
                .orElseThrow(() -> ProblemException.notFound("delivery of this webhook", deliveryId));
        if (endpoint.disabled) {
            throw ProblemException.of(ProblemType.CONFLICT, "The endpoint is disabled: enable it (PATCH disabled=false) first");
        }
        WebhookMessage message = WebhookMessage.findById(delivery.messageId);
        message.state = WebhookMessage.State.PENDING;
        message.nextAttemptAt = now();
        AfterCommit.run(transactions, () -> sender.release(List.of(message.id)));
        return new DeliveryView.Retry(message.id, message.event, "pending");
    }

    private WebhookEndpoint existing(String id) {
        return Ids.parse(id).map(key -> WebhookEndpoint.<WebhookEndpoint> findById(key))
                .orElseThrow(() -> ProblemException.notFound("webhook", id));
    }

    private void apply(WebhookRequest request, WebhookEndpoint endpoint, Instant now) {
        try {
            targets.checkRegistered(request.url().strip());
        } catch (Targets.Refused e) {
            throw ProblemException.invalid("url", e.getMessage());
        }
        boolean enabling = endpoint.disabled && !Boolean.TRUE.equals(request.disabled());
        endpoint.url = request.url().strip();
        endpoint.events = String.join(",", events(request.events()));
        endpoint.description = request.description();
        endpoint.disabled = Boolean.TRUE.equals(request.disabled());
        if (enabling) {
            // A fresh start: failures before it do not count towards disabling it again.
            endpoint.failureCount = 0;
            endpoint.failingSince = null;
        }
        endpoint.updatedAt = now;
    }

    /** The subscribed types in their canonical order; an unknown name is a 400 naming it. */
    private static List<String> events(List<String> names) {
        Set<WebhookEventType> types = new LinkedHashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            int index = i;
            types.add(WebhookEventType.parse(name).orElseThrow(() -> ProblemException.invalid("events[" + index + "]",
                    "is not an event type; known: " + WebhookEventType.names())));
        }
        return Arrays.stream(WebhookEventType.values()).filter(types::contains).map(WebhookEventType::apiName).toList();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
