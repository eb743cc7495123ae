package io.lede;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}, built by {@code package}) run
 * as production runs it, for the integration tests ({@code *IT}, {@code ./mvnw verify
 * -DskipITs=false}): its own process on a free loopback port, on a fresh PostgreSQL database, its
 * log (JSON lines) in {@code target/it/<name>/}.
 *
 * <p>The PostgreSQL server is the one the PostgreSQL test pass uses ({@code LEDE_TEST_PG_URL},
 * {@code LEDE_TEST_PG_USER}, {@code LEDE_TEST_PG_PASSWORD}); each test makes its own database there,
 * named {@code LEDE_IT_DB_PREFIX} (default {@code lede_it_}) followed by the test's name.
 */
public final class PackagedJar implements AutoCloseable {

    public static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final Pattern JDBC_URL = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]*)(.*)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final Path log;
    private final int port;

    private PackagedJar(String name, Process process, Path log, int port) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** A work directory for {@code name} under target/it, emptied first. */
    public static Path workDirectory(String name) {
        Path directory = Path.of("target", "it", name);
        try {
            if (Files.exists(directory)) {
                try (Stream<Path> files = Files.walk(directory)) {
                    files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Drops and creates the database {@code LEDE_IT_DB_PREFIX + suffix}; returns its JDBC URL. */
    public static String freshDatabase(String suffix) {
        String database = env("LEDE_IT_DB_PREFIX", "lede_it_") + suffix;
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        Matcher url = JDBC_URL.matcher(env("LEDE_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test"));
        if (!url.matches()) {
            throw new IllegalArgumentException("LEDE_TEST_PG_URL is not a jdbc:postgresql://host:port/database URL");
        }
        try (Connection connection = DriverManager.getConnection(url.group(1) + "postgres" + url.group(3), user(), password());
                Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + database);
            statement.execute("create database " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not make the database " + database + " on " + url.group(1)
                    + " (the integration tests need PostgreSQL; see LEDE_TEST_PG_URL)", e);
        }
        return url.group(1) + database + url.group(3);
    }

    /** A loopback port nothing listens on right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a test passes to {@link #start}: JVM options, then Lede's and Quarkus' properties. */
    public static final class Options {
        private final List<String> jvm = new ArrayList<>();
        private final Map<String, String> properties = new LinkedHashMap<>();

        public Options jvm(String option) {
            jvm.add(option);
            return this;
        }

        public Options set(String key, Object value) {
            properties.put(key, String.valueOf(value));
            return this;
        }

        public Options setAll(Map<String, String> values) {
            properties.putAll(values);
            return this;
        }

        /** The datasource: {@code url} on the PostgreSQL server the tests use. */
        public Options database(String url) {
            return set("quarkus.datasource.jdbc.url", url).set("quarkus.datasource.username", user())
                    .set("quarkus.datasource.password", password());
        }
    }

    /** Starts the jar as {@code name} on a free port and waits until it is ready (60 s at most). */
    public static PackagedJar start(String name, Path work, Options options) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: the integration tests run after package (./mvnw verify -DskipITs=false)");
        }
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options.jvm);
        command.add("-Dquarkus.http.port=" + port);
        options.properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(JAR.toString());
        Path log = work.resolve(name + ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            PackagedJar jar = new PackagedJar(name, process, log, port);
            try {
                awaitReady(jar.url(), process, 60);
            } catch (RuntimeException e) {
                jar.close();
                throw new IllegalStateException(e.getMessage() + "\n" + jar.tail(), e);
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    /** Everything the service logged so far. */
    public String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The log's lines that match {@code pattern}, cut to 1500 characters each, at most ten. */
    public List<String> logLines(Pattern pattern) {
        return logText().lines().filter(line -> pattern.matcher(line).find())
                .map(line -> line.length() > 1500 ? line.substring(0, 1500) : line).limit(10).toList();
    }

    /** The last lines of the log, for a failure's message. */
    public String tail() {
        List<String> lines = logText().lines().toList();
        return name + " (" + log + "), last lines:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    /** SIGTERM, as an orchestrator stops a replica: in-flight requests may finish. */
    public void terminate() {
        process.destroy();
    }

    /** SIGKILL, as a crash: nothing runs after it, not even shutdown hooks. */
    public void kill() {
        try {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the service (SIGTERM, then SIGKILL after 30 s) and waits for it to exit. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Polls {@code base}/q/health/ready until it answers 200; fails when {@code process} exits first. */
    public static void awaitReady(String base, Process process, int seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        HttpRequest ready = HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).timeout(Duration.ofSeconds(5)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(base + " exited before it was ready");
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(base + " was not ready within " + seconds + " s");
    }

    private static String user() {
        return env("LEDE_TEST_PG_USER", "postgres");
    }

    private static String password() {
        return env("LEDE_TEST_PG_PASSWORD", "");
    }

    private static String env(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value;
    }
}
