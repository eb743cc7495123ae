package io.lede.live.stream;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.lede.cache.CacheConfig;
import io.lede.db.AfterCommit;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Tells every replica's streams that a stream has new events, the way
 * {@link io.lede.cache.ContentChangeBroadcaster} tells them that content changed, on a
 * channel of its own ({@code lede_live}, the stream's name as payload): {@code NOTIFY} in the
 * writer's transaction, which PostgreSQL delivers at commit and only then, to every listener
 * including this replica's. The events themselves are read from the database, so a notification
 * carries no data and a duplicate costs one query. After the listening connection was lost, every
 * stream is read again, for what was missed meanwhile.
 *
 * <p>Without PostgreSQL notifications (H2, or {@code lede.replicas.notify-changes=false}) there is
 * one replica, and streams hear of new events in-process after the commit.
 */
@ApplicationScoped
public class LiveNotifications {

    static final String CHANNEL = "lede_live";
    private static final long RECONNECT_MILLIS = 1000;
    private static final int POLL_MILLIS = 500;

    private final EntityManager entityManager;
    private final TransactionSynchronizationRegistry transactions;
    private final Event<StreamAdvanced> advanced;
    private final boolean notify;
    private final String url;
    private final Optional<String> username;
    private final Optional<String> password;
    private volatile boolean running;
    private volatile boolean listening;
    private Thread listener;

    public LiveNotifications(EntityManager entityManager, TransactionSynchronizationRegistry transactions,
            Event<StreamAdvanced> advanced, CacheConfig config,
            @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") Optional<String> url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.entityManager = entityManager;
        this.transactions = transactions;
        this.advanced = advanced;
        this.notify = config.replicas().notifyChanges() && dbKind.toLowerCase(Locale.ROOT).startsWith("postgres")
                && url.isPresent();
        this.url = url.orElse(null);
        this.username = username;
        this.password = password;
    }

    /** In the transaction that appended to {@code stream}: subscribers hear of it once it commits. */
    void announce(String stream) {
        if (notify) {
            entityManager.createNativeQuery("select count(*) from (select pg_notify(:channel, :stream)) as sent")
                    .setParameter("channel", CHANNEL).setParameter("stream", stream).getSingleResult();
        } else {
            AfterCommit.run(transactions, () -> advanced.fire(new StreamAdvanced(stream)));
        }
    }

    /** Whether this replica hears of other replicas' events (always true without notifications: there are none). */
    public boolean listening() {
        return !notify || listening;
    }

    void start(@Observes StartupEvent event) {
        if (!notify) {
            return;
        }
        running = true;
        listener = new Thread(this::listen, "lede-live-listener");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    private void listen() {
        while (running) {
            try (Connection connection = connect()) {
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = notifications.getNotifications(POLL_MILLIS);
                    if (received != null) {
                        for (PGNotification notification : received) {
                            advanced.fire(new StreamAdvanced(notification.getParameter()));
                        }
                    }
                }
            } catch (SQLException e) {
                if (listening) {
                    Log.warnf("Lost the stream-event listener (%s); streams catch up when it is back", e.getMessage());
                }
                listening = false;
                sleep();
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        username.ifPresent(user -> properties.setProperty("user", user));
        password.ifPresent(secret -> properties.setProperty("password", secret));
        properties.setProperty("connectTimeout", "2");
        Connection connection = DriverManager.getConnection(url, properties);
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + CHANNEL);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        listening = true;
        // Events committed while nobody listened were not announced here: every stream looks again.
        advanced.fire(StreamAdvanced.ANY);
        return connection;
    }

    private static void sleep() {
        try {
            Thread.sleep(RECONNECT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
