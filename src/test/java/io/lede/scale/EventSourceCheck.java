package io.lede.scale;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code .ci/eventsource/check.mjs}: the npm {@code eventsource} package, in Node, reading one
 * replica's streams while the other is written to (what the script checks is written at its top).
 * Needs Node.js and npm; CI (LEDE_REQUIRE_NODE=1) fails without them, elsewhere the check is skipped.
 */
final class EventSourceCheck {

    private static final Path SCRIPTS = Path.of(".ci/eventsource");

    private EventSourceCheck() {
    }

    static boolean available() {
        try {
            return new ProcessBuilder("node", "--version").redirectErrorStream(true).start().waitFor(20, TimeUnit.SECONDS);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The script's failures, or an empty list. */
    static List<String> run(String writer, String reader, String token) throws IOException, InterruptedException {
        if (!Files.isDirectory(SCRIPTS.resolve("node_modules/eventsource"))) {
            String npm = exec(List.of("npm", "ci", "--no-audit", "--no-fund", "--prefix", SCRIPTS.toString()), 180);
            if (npm != null) {
                return List.of("npm ci in " + SCRIPTS + " failed: " + npm);
            }
        }
        String failed = exec(List.of("node", SCRIPTS.resolve("check.mjs").toString(), writer, reader, token), 120);
        return failed == null ? List.of() : List.of(failed);
    }

    /** Null when the command succeeded; otherwise what it printed. */
    private static String exec(List<String> command, int seconds) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return String.join(" ", command) + " did not finish within " + seconds + " s";
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return process.exitValue() == 0 ? null : output;
    }
}
