package io.lede.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.lede.PackagedJar;

/**
 * {@link ApiFuzzer} against the packaged jar on PostgreSQL with the production heap: every answer
 * documented and never a 5xx, and nothing a client can send makes the service log an error.
 */
class ApiFuzzIT {

    private static final String TOKEN = "fuzz-admin-token";
    private static final int REQUESTS = 1500;
    /** Production logs are JSON lines: no request a client can send may log an error. */
    private static final Pattern LOGGED_ERROR = Pattern.compile("Unhandled failure|\"level\":\"ERROR\"|OutOfMemoryError");

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void shouldAnswerEveryRequestAsDocumentedAndLogNoError() throws Exception {
        Path work = PackagedJar.workDirectory("fuzz");
        PackagedJar jar = PackagedJar.start("lede", work, new PackagedJar.Options()
                // The production heap: hostile input must not reach an OutOfMemoryError either.
                .jvm("-Xmx256m")
                .database(PackagedJar.freshDatabase("fuzz"))
                .set("lede.bootstrap-admin-token", TOKEN)
                .set("lede.rate-limit.anonymous-per-minute", 1_000_000)
                .set("lede.rate-limit.reader-per-minute", 1_000_000)
                .set("lede.rate-limit.failed-auth-per-minute", 1_000_000)
                // Webhooks configured, so registration is fuzzed for real (without a key it is a documented 503).
                .set("lede.webhooks.secret-key", java.util.Base64.getEncoder().encodeToString(new byte[32]))
                .set("lede.images.dir", work.resolve("images").toAbsolutePath())
                .set("lede.images.cache-dir", work.resolve("renditions").toAbsolutePath()));
        ApiFuzzer.Result result;
        try (jar) {
            result = ApiFuzzer.fuzz(jar.url(), TOKEN, REQUESTS);
        }
        System.out.println("Fuzzing: " + result.sent() + " requests, " + result.failures().size() + " answered wrong");

        assertEquals(List.of(), result.failures().stream().limit(40).toList(), "answers that break the document");
        assertTrue(result.sent() >= REQUESTS, "only " + result.sent() + " requests were sent");
        assertEquals(List.of(), jar.logLines(LOGGED_ERROR), "The server logged an error during fuzzing (" + jar.log() + ")");
    }
}
