package io.lede.webhook;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.proxy.HibernateProxy;
import org.hibernate.type.Type;

import io.lede.cache.ContentKeySource;
import io.lede.cache.EntityChange;
import io.lede.db.AfterCommit;
import io.lede.http.HttpConfig;
import io.quarkus.arc.All;
import io.quarkus.arc.Unremovable;

/**
 * The transactional outbox: the messages a content write causes are inserted by the writer's own
 * connection, right after the write's SQL, so they commit or roll back with it and a crash after
 * the commit loses nothing. The rows are plain JDBC on Hibernate's connection: they must not go
 * through the session that is being flushed, and they change nothing a cache shows.
 *
 * <p>A new row is due only {@code lede.webhooks.orphan-after} later; the committing replica hands
 * it to its {@link WebhookSender} sooner, once the change is visible to readers
 * ({@link WebhookReleases}). Each item written several times in one transaction gets one message
 * per endpoint, with the weightiest event and the last version.
 */
/** Looked up by the Hibernate listener, which nothing injects: kept although no bean refers to it. */
@Unremovable
@ApplicationScoped
public class WebhookOutbox {

    /** One entity write: its persister and its state before (null: inserted) and after (null: deleted). */
    record Write(EntityPersister persister, Object id, Object[] before, Object[] after) {
    }

    /** What this transaction recorded so far. */
    private static final class Recorded {
        List<Subscriber> subscribers;
        final Map<UUID, Message> byItem = new HashMap<>();
    }

    private record Subscriber(UUID id, Set<String> events) {
    }

    private record Message(WebhookEventType type, List<String> ids) {
    }

    private static final Object RESOURCE = WebhookOutbox.class;

    private final TransactionSynchronizationRegistry transactions;
    private final Map<Class<?>, ContentKeySource> keySources = new HashMap<>();
    private final WebhookPayloads payloads;
    private final WebhookReleases releases;
    private final WebhookConfig config;
    private final String publicUrl;
    private final Clock clock;

    public WebhookOutbox(TransactionSynchronizationRegistry transactions, @All List<ContentKeySource> sources,
            WebhookPayloads payloads, WebhookReleases releases, WebhookConfig config, HttpConfig http, Clock clock) {
        this.transactions = transactions;
        sources.forEach(source -> source.entities().forEach(entity -> keySources.put(entity, source)));
        this.payloads = payloads;
        this.releases = releases;
        this.config = config;
        this.publicUrl = http.publicUrl().map(url -> url.replaceAll("/+$", "")).orElse("");
        this.clock = clock;
    }

    void written(Write write, SharedSessionContractImplementor session) {
        Class<?> entity = write.persister().getMappedClass();
        if (!ContentEvents.concerns(entity)) {
            return;
        }
        Map<String, Object> before = state(write.persister(), write.before(), session);
        Map<String, Object> after = state(write.persister(), write.after(), session);
        Connection connection = session.getJdbcCoordinator().getLogicalConnection().getPhysicalConnection();
        ContentEvents.of(entity, write.id(), before, after, articleId -> published(connection, articleId))
                .ifPresent(event -> record(event, keys(entity, write.id(), before, after), connection));
    }

    private void record(ContentEvents.Event event, Set<String> keys, Connection connection) {
        Recorded recorded = recorded();
        if (recorded == null) {
            return;
        }
        try {
            if (recorded.subscribers == null) {
                recorded.subscribers = subscribers(connection);
            }
            Message earlier = recorded.byItem.get(event.id());
            WebhookEventType type = event.type();
            if (earlier != null) {
                if (!type.outweighs(earlier.type())) {
                    type = earlier.type();
                }
                delete(connection, earlier.ids());
                releases.forget(earlier.ids());
            }
            String payload = payloads.payload(type, event, publicUrl + event.path(), keys, now());
            List<String> ids = insert(connection, recorded.subscribers, type, payload);
            recorded.byItem.put(event.id(), new Message(type, ids));
            releases.recorded(ids);
        } catch (SQLException e) {
            // The write and its messages are one: without the message, the write must not commit either.
            throw new IllegalStateException("Could not record a webhook message: " + e.getMessage(), e);
        }
    }

    /** This transaction's record, made (and its commit watched) on first use; null outside a transaction. */
    private Recorded recorded() {
        int status = transactions.getTransactionStatus();
        if (status == Status.STATUS_NO_TRANSACTION) {
            return null;
        }
        Recorded recorded = (Recorded) transactions.getResource(RESOURCE);
        if (recorded == null) {
            recorded = new Recorded();
            transactions.putResource(RESOURCE, recorded);
            releases.beginTransaction();
            if (status == Status.STATUS_ACTIVE) {
                AfterCommit.run(transactions, releases::committed);
            }
            // Otherwise too late to hear of the commit: the rows are still written, and sent once orphaned.
        }
        return recorded;
    }

    private List<String> insert(Connection connection, List<Subscriber> subscribers, WebhookEventType type, String payload)
            throws SQLException {
        List<String> ids = new ArrayList<>();
        Timestamp now = Timestamp.from(now());
        Timestamp due = Timestamp.from(now().plus(config.orphanAfter()));
        try (PreparedStatement insert = connection.prepareStatement("insert into webhook_message (id, endpoint_id, event, payload,"
                + " state, attempts, created_at, next_attempt_at, version) values (?, ?, ?, ?, 'PENDING', 0, ?, ?, 0)")) {
            for (Subscriber subscriber : subscribers) {
                if (!subscriber.events().contains(type.apiName())) {
                    continue;
                }
                String id = "msg_" + UUID.randomUUID().toString().replace("-", "");
                insert.setString(1, id);
                insert.setObject(2, subscriber.id());
                insert.setString(3, type.apiName());
                insert.setString(4, payload);
                insert.setTimestamp(5, now);
                insert.setTimestamp(6, due);
                insert.executeUpdate();
                ids.add(id);
            }
        }
        return ids;
    }

    private static void delete(Connection connection, List<String> ids) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("delete from webhook_message where id = ?")) {
            for (String id : ids) {
                delete.setString(1, id);
                delete.executeUpdate();
            }
        }
    }

    private static List<Subscriber> subscribers(Connection connection) throws SQLException {
        List<Subscriber> subscribers = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("select id, events from webhook_endpoint where disabled = false");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                subscribers.add(new Subscriber(rows.getObject(1, UUID.class), Set.of(rows.getString(2).split(","))));
            }
        }
        return subscribers;
    }

    private static boolean published(Connection connection, UUID articleId) {
        try (PreparedStatement select = connection.prepareStatement("select status from article where id = ?")) {
            select.setObject(1, articleId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() && "PUBLISHED".equals(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read an article's status: " + e.getMessage(), e);
        }
    }

    /** The surrogate keys the change invalidates, as its feature's key source names them. */
    private Set<String> keys(Class<?> entity, Object id, Map<String, Object> before, Map<String, Object> after) {
        Set<String> keys = new LinkedHashSet<>();
        ContentKeySource source = keySources.get(entity);
        if (source != null) {
            EntityChange.Kind kind = before == null ? EntityChange.Kind.INSERT
                    : after == null ? EntityChange.Kind.DELETE : EntityChange.Kind.UPDATE;
            source.keys(new EntityChange(kind, entity, id, before, after, null), keys);
        }
        return keys;
    }

    /** Property name to value, associated entities by id, collections left out: as {@link EntityChange} has it. */
    private static Map<String, Object> state(EntityPersister persister, Object[] values, SharedSessionContractImplementor session) {
        if (values == null) {
            return null;
        }
        String[] names = persister.getPropertyNames();
        Type[] types = persister.getPropertyTypes();
        Map<String, Object> state = new HashMap<>();
        for (int i = 0; i < names.length && i < values.length; i++) {
            Object value = values[i];
            if (types[i].isCollectionType()) {
                continue;
            }
            if (value != null && types[i].isEntityType()) {
                HibernateProxy proxy = value instanceof HibernateProxy p ? p : null;
                value = proxy != null ? proxy.getHibernateLazyInitializer().getIdentifier()
                        : session.getEntityPersister(null, value).getIdentifier(value, session);
            }
            state.put(names[i], value);
        }
        return state;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
