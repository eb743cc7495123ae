package io.lede.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.lede.PackagedJar;

/**
 * Varnish with docker/varnish/default.vcl in front of the packaged jar, which purges it by
 * surrogate key after every write: {@link VarnishCheck}. Needs Debian's varnish and
 * varnish-modules (xkey); skipped without varnishd, unless LEDE_REQUIRE_VARNISH=1 (CI) makes that
 * a failure.
 */
class VarnishIT {

    private static final String TOKEN = "varnish-admin-token";
    private static final Pattern PURGE_FAILED = Pattern.compile("Purging .* failed");

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void shouldNeverServeAnOldVersionThroughTheEdgeOnceAWriteIsAnswered() throws Exception {
        Optional<Path> varnishd = varnishd();
        assumeTrue(varnishd.isPresent() || "1".equals(System.getenv("LEDE_REQUIRE_VARNISH")), "no varnishd installed");
        Path work = PackagedJar.workDirectory("varnish");
        // varnishd's worker drops to an unprivileged user: its working directory must be reachable.
        Path edge = Files.createTempDirectory("lede-varnish", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        int edgePort = PackagedJar.freePort();
        try (PackagedJar lede = PackagedJar.start("lede", work, new PackagedJar.Options()
                .database(PackagedJar.freshDatabase("varnish"))
                .set("lede.bootstrap-admin-token", TOKEN)
                .set("lede.rate-limit.anonymous-per-minute", 1_000_000)
                .set("lede.rate-limit.reader-per-minute", 1_000_000)
                .set("lede.purge.enabled", true)
                .set("lede.purge.urls", "http://127.0.0.1:" + edgePort + "/")
                .set("lede.images.dir", work.resolve("images").toAbsolutePath())
                .set("lede.images.cache-dir", work.resolve("renditions").toAbsolutePath()))) {
            String vcl = Files.readString(Path.of("docker/varnish/default.vcl"))
                    .replace(".host = \"proxy\";", ".host = \"127.0.0.1\";")
                    .replace(".port = \"80\";", ".port = \"" + lede.port() + "\";");
            Files.writeString(edge.resolve("lede.vcl"), vcl);
            Process varnish = new ProcessBuilder(varnishd.orElseThrow(() -> new IllegalStateException("varnishd is not installed"))
                    .toString(), "-F", "-n", edge.resolve("work").toString(), "-a", "127.0.0.1:" + edgePort,
                    "-f", edge.resolve("lede.vcl").toString(), "-s", "malloc,64m")
                    .redirectErrorStream(true).redirectOutput(work.resolve("varnish.log").toFile()).start();
            try {
                PackagedJar.awaitReady("http://127.0.0.1:" + edgePort, varnish, 60);
                VarnishCheck check = new VarnishCheck("http://127.0.0.1:" + edgePort, lede.url(), TOKEN);
                check.run();
                assertEquals(List.of(), check.failures(), lede::tail);
                assertEquals(List.of(), lede.logLines(PURGE_FAILED), "Lede could not purge Varnish");
            } finally {
                varnish.destroy();
                if (!varnish.waitFor(30, TimeUnit.SECONDS)) {
                    varnish.destroyForcibly();
                }
            }
        } finally {
            try (Stream<Path> files = Files.walk(edge)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static Optional<Path> varnishd() {
        String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/sbin";
        return Stream.of(path.split(File.pathSeparator)).map(directory -> Path.of(directory, "varnishd"))
                .filter(Files::isExecutable).findFirst();
    }
}
