package io.lede.common.cache;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.lede.common.config.LedeConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Tells the other replicas sharing the PostgreSQL database that content changed, and listens for
 * them: {@code NOTIFY lede_content} after every local commit, {@code LISTEN lede_content} on a
 * connection of its own. A notification moves the local {@link ContentVersion} on, so no replica
 * keeps serving what another one has just changed.
 *
 * <p>While the listening connection is down, notifications could be missed: the content version
 * is marked unshared and nothing is answered from the response cache until the connection is back
 * (which moves the version on once more, for whatever was missed meanwhile).
 */
@ApplicationScoped
public class ContentChangeBroadcaster {

    static final String CHANNEL = "lede_content";
    private static final long RECONNECT_MILLIS = 1000;
    private static final int POLL_MILLIS = 500;

    private final ContentVersion version;
    private final boolean enabled;
    private final String url;
    private final Optional<String> username;
    private final Optional<String> password;
    /** Distinguishes this replica's own notifications from the others'. */
    private final String replica = UUID.randomUUID().toString();
    private volatile boolean running;
    private Connection notifier;
    private Thread listener;

    public ContentChangeBroadcaster(ContentVersion version, LedeConfig config,
            @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") Optional<String> url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.version = version;
        this.enabled = config.replicas().notifyChanges() && dbKind.toLowerCase(Locale.ROOT).startsWith("postgres") && url.isPresent();
        this.url = url.orElse(null);
        this.username = username;
        this.password = password;
    }

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        version.shared(false);
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
    void publish(@Observes ContentChanged change) {
        if (!enabled || !change.local()) {
            return;
        }
        notifyOthers();
    }

    /**
     * On a connection of its own, outside any transaction: this runs after the writer's commit,
     * before its response is sent.
     */
    private synchronized void notifyOthers() {
        try {
            if (notifier == null || notifier.isClosed()) {
                notifier = open();
            }
            try (PreparedStatement notify = notifier.prepareStatement("select pg_notify(?, ?)")) {
                notify.setString(1, CHANNEL);
                notify.setString(2, replica);
                notify.execute();
            }
        } catch (SQLException e) {
            // A replica that lost its listening connection moves its version on when it is back.
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
        return enabled && version.isShared();
    }

    /** A connection listening on the channel; from then on, the version is shared again. */
    private Connection connect() throws SQLException {
        Connection connection = open();
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + CHANNEL);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        // Whatever changed while nobody listened is unknown: start from a new version.
        version.changed(false);
        version.shared(true);
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
                        if (!replica.equals(notification.getParameter())) {
                            version.changed(false);
                        }
                    }
                }
            } catch (SQLException e) {
                if (version.isShared()) {
                    Log.warnf("Lost the content-change listener (%s); the response cache is off until it is back", e.getMessage());
                }
                version.shared(false);
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
