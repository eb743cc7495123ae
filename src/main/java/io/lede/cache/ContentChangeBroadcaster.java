package io.lede.cache;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.LinkedHashSet;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Tells the other replicas sharing the PostgreSQL database what content changed, and listens for
 * them: {@code NOTIFY lede_content} after every local commit, {@code LISTEN lede_content} on a
 * connection of its own. The payload is the replica's id and the change's surrogate keys
 * ({@code *} for everything, also when the keys would not fit PostgreSQL's 8000-byte payload), and
 * each replica invalidates the same keys as the writer did, so no replica keeps serving what
 * another one has just changed, and nothing else is evicted.
 *
 * <p>While the listening connection is down, notifications could be missed: content changes are
 * marked unshared and nothing derived (cached responses, token look-ups) is trusted until the
 * connection is back, which then counts as a change of everything, for whatever was missed.
 */
@ApplicationScoped
public class ContentChangeBroadcaster {

    static final String CHANNEL = "lede_content";
    /** Other replicas hear of a change before the edge is purged (EdgePurger), so a refetch finds them fresh. */
    static final int ORDER = 100;
    private static final long RECONNECT_MILLIS = 1000;
    private static final int POLL_MILLIS = 500;
    /** PostgreSQL refuses payloads of 8000 bytes and more. */
    static final int MAX_PAYLOAD_BYTES = 7999;
    static final String EVERYTHING = "*";

    private final ContentChanges changes;
    private final boolean enabled;
    private final String url;
    private final Optional<String> username;
    private final Optional<String> password;
    /** Distinguishes this replica's own notifications from the others'. */
    private final String replica = UUID.randomUUID().toString();
    private volatile boolean running;
    private Connection notifier;
    private Thread listener;

    public ContentChangeBroadcaster(ContentChanges changes, CacheConfig config,
            @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") Optional<String> url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.changes = changes;
        this.enabled = config.replicas().notifyChanges() && dbKind.toLowerCase(Locale.ROOT).startsWith("postgres") && url.isPresent();
        this.url = url.orElse(null);
        this.username = username;
        this.password = password;
    }

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        changes.shared(false);
        running = true;
        // The first connection is made before the service takes requests, so the cache works from the start.
        Connection first = null;
        try {
            first = connect();
        } catch (SQLException e) {
            Log.warnf("Cannot listen for other replicas' changes yet (%s); the response cache is off until then", e.getMessage());
        }
        Connection initial = first;
        listener = new Thread(() -> listen(initial), "lede-content-listener");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
        synchronized (this) {
            closeNotifier();
        }
    }

    /** After a local commit: the others drop what they derived from the old content. */
    void publish(@Observes @Priority(ORDER) ContentChanged change) {
        if (!enabled || !change.local()) {
            return;
        }
        notifyOthers(payload(replica, change));
    }

    /** The replica's id, then the keys; {@code *} for everything or for more keys than a notification carries. */
    static String payload(String replica, ContentChanged change) {
        if (!change.everything()) {
            StringBuilder payload = new StringBuilder(replica);
            change.keys().forEach(key -> payload.append(' ').append(key));
            String text = payload.toString();
            if (text.getBytes(StandardCharsets.UTF_8).length <= MAX_PAYLOAD_BYTES) {
                return text;
            }
        }
        return replica + " " + EVERYTHING;
    }

    /** What another replica's notification says changed; null for this replica's own. */
    static ContentChanged received(String replica, String payload) {
        if (payload == null) {
            return ContentChanged.everything(false);
        }
        String[] words = payload.split(" ");
        if (words[0].equals(replica)) {
            return null;
        }
        Set<String> keys = new LinkedHashSet<>();
        for (int i = 1; i < words.length; i++) {
            if (words[i].equals(EVERYTHING)) {
                return ContentChanged.everything(false);
            }
            if (!words[i].isEmpty()) {
                keys.add(words[i]);
            }
        }
        // An old replica's notification carries no keys: everything, to be safe.
        return keys.isEmpty() ? ContentChanged.everything(false) : new ContentChanged(Set.copyOf(keys), false, false);
    }

    /**
     * On a connection of its own, outside any transaction: this runs after the writer's commit,
     * before its response is sent.
     */
    private synchronized void notifyOthers(String payload) {
        try {
            if (notifier == null || notifier.isClosed()) {
                notifier = open();
            }
            try (PreparedStatement notify = notifier.prepareStatement("select pg_notify(?, ?)")) {
                notify.setString(1, CHANNEL);
                notify.setString(2, payload);
                notify.execute();
            }
        } catch (SQLException e) {
            // A replica that lost its listening connection drops everything when it is back.
            Log.warnf("Could not notify other replicas of a content change: %s", e.getMessage());
            closeNotifier();
        }
    }

    private void closeNotifier() {
        try {
            if (notifier != null) {
                notifier.close();
            }
        } catch (SQLException e) {
            // Closing a broken connection: nothing more to do.
        }
        notifier = null;
    }

    private Connection open() throws SQLException {
        Properties properties = new Properties();
        username.ifPresent(user -> properties.setProperty("user", user));
        password.ifPresent(secret -> properties.setProperty("password", secret));
        // A database that does not answer must not hold a writer's response for long.
        properties.setProperty("connectTimeout", "2");
        properties.setProperty("socketTimeout", "5");
        return DriverManager.getConnection(url, properties);
    }

    public boolean listening() {
        return enabled && changes.isShared();
    }

    /** A connection listening on the channel; from then on, changes are shared again. */
    private Connection connect() throws SQLException {
        Connection connection = open();
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + CHANNEL);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        // Whatever changed while nobody listened is unknown: everything derived goes.
        changes.changed(Set.of(), true, false);
        changes.shared(true);
        Log.infof("Listening for content changes of other replicas (replica %s)", replica);
        return connection;
    }

    private void listen(Connection initial) {
        Connection next = initial;
        while (running) {
            try (Connection connection = next != null ? next : connect()) {
                next = null;
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = notifications.getNotifications(POLL_MILLIS);
                    if (received == null) {
                        continue;
                    }
                    for (PGNotification notification : received) {
                        ContentChanged change = received(replica, notification.getParameter());
                        if (change != null) {
                            changes.changed(change.keys(), change.everything(), false);
                        }
                    }
                }
            } catch (SQLException e) {
                if (changes.isShared()) {
                    Log.warnf("Lost the content-change listener (%s); the response cache is off until it is back", e.getMessage());
                }
                changes.shared(false);
                sleep();
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(RECONNECT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
