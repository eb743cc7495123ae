package io.lede.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpServer;

/**
 * A partner's receiver, for real, on loopback: it records every POST (headers with lower-case
 * names, body, what it did on receipt) and answers the statuses it is told to, then 204.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One POST as received; {@code onReceipt} is what the receiver's own code found (a read-back, say). */
    record Received(Map<String, List<String>> headers, String body, long receivedNanos, Object onReceipt) {
        String header(String name) {
            List<String> values = headers.get(name);
            return values == null ? null : values.get(0);
        }

        JsonNode json() {
            try {
                return new ObjectMapper().readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Verified as a receiver verifies it, with the Standard Webhooks library; throws when it does not verify. */
        void verify(String secret) throws Exception {
            verify(secret, body);
        }

        void verify(String secret, String claimedBody) throws Exception {
            new Webhook(secret).verify(claimedBody, headers);
        }

        boolean verifies(String secret, String claimedBody) throws Exception {
            try {
                verify(secret, claimedBody);
                return true;
            } catch (WebhookVerificationException e) {
                return false;
            }
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
    private volatile Function<JsonNode, Object> onReceipt = body -> null;
    /** Decides the status by webhook-id once the queued answers are spent; null: 204. */
    private volatile Function<String, Integer> answerBy = id -> null;

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            long at = System.nanoTime();
            Map<String, List<String>> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
            String text = new String(body, StandardCharsets.UTF_8);
            Object found;
            try {
                found = onReceipt.apply(new ObjectMapper().readTree(text));
            } catch (RuntimeException e) {
                found = e;
            }
            received.add(new Received(headers, text, at, found));
            Integer status = statuses.poll();
            if (status == null) {
                List<String> ids = headers.get("webhook-id");
                status = answerBy.apply(ids == null ? "" : ids.get(0));
            }
            exchange.sendResponseHeaders(status == null ? 204 : status, -1);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "test-webhook-receiver");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    /** The next answers, in order; after them, 204. */
    void answer(Integer... next) {
        statuses.addAll(List.of(next));
    }

    void answerBy(Function<String, Integer> byMessageId) {
        this.answerBy = byMessageId;
    }

    void clearAnswers() {
        statuses.clear();
    }

    void onReceipt(Function<JsonNode, Object> action) {
        this.onReceipt = action;
    }

    List<Received> received() {
        return new ArrayList<>(received);
    }

    /** What arrived about this item (data.id), in order. */
    List<Received> about(String id) {
        return received.stream().filter(r -> id.equals(r.json().path("data").path("id").asText())).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
