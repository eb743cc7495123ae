package io.lede.db;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A PostgreSQL cluster of the test's own (Debian's {@code pg_createcluster} on a free port, trust
 * authentication), so that an outage test can stop and start a database without touching the
 * shared one. Dropped when the test ends.
 */
public class PrivatePostgresCluster implements QuarkusTestResourceLifecycleManager {

    static final String NAME = "lede_outage";
    static final String DATABASE = "lede";

    static String version;
    static int port;

    @Override
    public Map<String, String> start() {
        version = newestVersion();
        port = freePort();
        run(List.of("pg_dropcluster", "--stop", version, NAME), true);
        run(List.of("pg_createcluster", version, NAME, "-p", Integer.toString(port), "--", "--auth=trust"), false);
        startDatabase();
        run(List.of("psql", "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "postgres", "-qc",
                "create database " + DATABASE), false);
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE
                        + "?connectTimeout=2&socketTimeout=10",
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "",
                "quarkus.datasource.jdbc.acquisition-timeout", "2s",
                "quarkus.flyway.clean-at-start", "false",
                "lede.publish-check-interval", "1h");
    }

    @Override
    public void stop() {
        run(List.of("pg_dropcluster", "--stop", version, NAME), true);
    }

    static void stopDatabase() {
        run(List.of("pg_ctlcluster", "--skip-systemctl-redirect", version, NAME, "stop", "-m", "fast"), false);
    }

    static void startDatabase() {
        run(List.of("pg_ctlcluster", "--skip-systemctl-redirect", version, NAME, "start"), false);
    }

    /**
     * Whether this machine can make clusters (Debian's PostgreSQL tools, run as root), or must:
     * CI sets LEDE_REQUIRE_CLUSTER_TOOLS=1, so that there the test fails rather than skips.
     */
    public static boolean available() {
        return "1".equals(System.getenv("LEDE_REQUIRE_CLUSTER_TOOLS"))
                || Files.isExecutable(Path.of("/usr/bin/pg_createcluster")) && "root".equals(System.getProperty("user.name"));
    }

    private static String newestVersion() {
        try (Stream<Path> versions = Files.list(Path.of("/etc/postgresql"))) {
            return versions.map(path -> path.getFileName().toString())
                    .max(Comparator.comparingInt(Integer::parseInt))
                    .orElseThrow(() -> new IllegalStateException("No PostgreSQL version under /etc/postgresql"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void run(List<String> command, boolean mayFail) {
        try {
            Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish");
            }
            if (process.exitValue() != 0 && !mayFail) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
