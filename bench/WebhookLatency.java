import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;

/**
 * Webhook delivery latency (run by bench/webhooks.sh): a receiver on loopback registered for
 * article.published; articles published at a fixed rate on their own timetable (not waiting for
 * each other); for each, the time from the commit (the payload's timestamp, taken in the writing
 * transaction, same machine clock) and from the editor's request to the receiver reading the POST.
 * Usage: java bench/WebhookLatency.java BASE TOKEN RATE SECONDS
 */
public class WebhookLatency {

    private static final Pattern ID = Pattern.compile("\"data\":\\{\"id\":\"([0-9a-f-]+)\"");
    private static final Pattern TIMESTAMP = Pattern.compile("\"timestamp\":\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        int rate = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int total = rate * seconds;
        Map<String, Long> receivedNanos = new ConcurrentHashMap<>();
        Map<String, Instant> receivedAt = new ConcurrentHashMap<>();
        Map<String, Instant> committedAt = new ConcurrentHashMap<>();
        Map<String, Long> sentNanos = new ConcurrentHashMap<>();
        CountDownLatch all = new CountDownLatch(total);

        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes());
            long now = System.nanoTime();
            Instant wall = Instant.now();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            Matcher id = ID.matcher(body);
            Matcher at = TIMESTAMP.matcher(body);
            if (id.find() && at.find() && receivedNanos.putIfAbsent(id.group(1), now) == null) {
                receivedAt.put(id.group(1), wall);
                committedAt.put(id.group(1), Instant.parse(at.group(1)));
                all.countDown();
            }
        });
        receiver.setExecutor(Executors.newFixedThreadPool(4));
        receiver.start();

        HttpClient http = HttpClient.newHttpClient();
        String hook = "{\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook\",\"events\":[\"article.published\"]}";
        send(http, base + "/v1/admin/webhooks", token, hook, 201);

        // Warm-up, unmeasured: the JIT compiles the write and send paths.
        for (int i = 0; i < 50; i++) {
            send(http, base + "/v1/articles", token, article("warm-up " + i), 201);
        }
        Thread.sleep(2000);
        receivedNanos.clear();
        receivedAt.clear();
        committedAt.clear();

        ScheduledExecutorService editor = Executors.newScheduledThreadPool(4);
        long periodMicros = 1_000_000L / rate;
        for (int i = 0; i < total; i++) {
            int n = i;
            editor.schedule(() -> {
                long sent = System.nanoTime();
                try {
                    String created = send(http, base + "/v1/articles", token, article("Story " + n), 201);
                    Matcher id = Pattern.compile("\"id\":\"([0-9a-f-]+)\"").matcher(created);
                    if (id.find()) {
                        sentNanos.put(id.group(1), sent);
                    }
                } catch (Exception e) {
                    System.err.println("write failed: " + e);
                }
            }, n * periodMicros, TimeUnit.MICROSECONDS);
        }
        boolean complete = all.await(seconds + 60L, TimeUnit.SECONDS);
        editor.shutdown();
        editor.awaitTermination(10, TimeUnit.SECONDS);
        receiver.stop(0);

        List<Double> fromCommit = new ArrayList<>();
        List<Double> fromRequest = new ArrayList<>();
        for (Map.Entry<String, Long> sent : sentNanos.entrySet()) {
            Long received = receivedNanos.get(sent.getKey());
            if (received == null) {
                continue;
            }
            fromRequest.add((received - sent.getValue()) / 1e6);
            fromCommit.add((receivedAt.get(sent.getKey()).toEpochMilli() - committedAt.get(sent.getKey()).toEpochMilli()) * 1.0);
        }
        System.out.printf("messages: %d written, %d delivered%s%n", sentNanos.size(), fromRequest.size(),
                complete ? "" : " (not all within the wait)");
        System.out.println("| measured from | p50 | p90 | p99 | max |");
        System.out.println("| --- | --- | --- | --- | --- |");
        row("commit (payload timestamp) to receipt", fromCommit);
        row("editor's request sent to receipt", fromRequest);
        System.exit(0);
    }

    private static String article(String headline) {
        return "{\"headline\":\"" + headline + "\",\"standfirst\":\"About " + headline + "\",\"section\":\"world\","
                + "\"language\":\"en\",\"status\":\"published\",\"body\":[{\"type\":\"paragraph\",\"text\":\"" + headline + ".\"}]}";
    }

    private static String send(HttpClient http, String url, String token, String json, int expected) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static void row(String name, List<Double> millis) {
        if (millis.isEmpty()) {
            System.out.println("| " + name + " | - | - | - | - |");
            return;
        }
        Collections.sort(millis);
        System.out.printf("| %s | %.1f ms | %.1f ms | %.1f ms | %.1f ms |%n", name, pct(millis, 50), pct(millis, 90), pct(millis, 99),
                millis.get(millis.size() - 1));
    }

    private static double pct(List<Double> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
