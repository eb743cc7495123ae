package io.lede.image;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real S3-compatible server for tests: s3proxy (copied to target/s3proxy by the build) in a
 * process of its own on a free loopback port, keeping objects as files in a temporary directory.
 * It checks AWS signatures, so the store's requests are signed as against any S3.
 */
public class S3ProxyResource implements QuarkusTestResourceLifecycleManager {

    static final String BUCKET = "lede-test-images";
    static final String ACCESS_KEY = "lede-test-access";
    static final String SECRET_KEY = "lede-test-secret";

    /** Where s3proxy keeps the bucket's objects: one file per key, for tests to look at. */
    static Path bucketDirectory;

    private Process process;
    private Path baseDirectory;

    @Override
    public Map<String, String> start() {
        try {
            Path jar = Path.of("target/s3proxy/s3proxy.jar");
            if (!Files.exists(jar)) {
                throw new IllegalStateException(jar + " is missing: run the tests through Maven, which copies it");
            }
            int port = freePort();
            baseDirectory = Files.createTempDirectory("lede-s3proxy");
            // The bucket is made by the store itself (lede.images.s3.create-bucket).
            Files.createDirectories(baseDirectory.resolve("data"));
            bucketDirectory = baseDirectory.resolve("data").resolve(BUCKET);
            Path properties = baseDirectory.resolve("s3proxy.conf");
            Files.writeString(properties, String.join("\n",
                    "s3proxy.endpoint=http://127.0.0.1:" + port,
                    "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.identity=" + ACCESS_KEY,
                    "s3proxy.credential=" + SECRET_KEY,
                    "jclouds.provider=filesystem",
                    "jclouds.filesystem.basedir=" + baseDirectory.resolve("data"),
                    ""));
            process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", jar.toString(), "--properties", properties.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(baseDirectory.resolve("s3proxy.log").toFile())
                    .start();
            awaitPort(port);
            return Map.of(
                    "lede.images.store", "s3",
                    "lede.images.s3.endpoint", "http://127.0.0.1:" + port,
                    "lede.images.s3.bucket", BUCKET,
                    "lede.images.s3.create-bucket", "true",
                    "lede.images.s3.prefix", "lede/",
                    "lede.images.s3.access-key-id", ACCESS_KEY,
                    "lede.images.s3.secret-access-key", SECRET_KEY);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start s3proxy", e);
        }
    }

    @Override
    public void stop() {
        if (process != null) {
            process.destroy();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (baseDirectory != null) {
            try (Stream<Path> files = Files.walk(baseDirectory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // A temporary directory left behind is harmless.
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void awaitPort(int port) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("s3proxy exited: " + Files.readString(baseDirectory.resolve("s3proxy.log")));
            }
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
        }
        throw new IllegalStateException("s3proxy did not listen on port " + port + " within 60 s");
    }
}
