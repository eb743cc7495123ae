package io.lede;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Lede as deployed behind a proxy and an edge cache, for the tests of what that deployment
 * switches on (one Quarkus start for all of them): it trusts the proxy's X-Forwarded-For, shares
 * low rate limits through Redis (lede.rate-limit.store=redis; each replica's own buckets where
 * Redis does not answer) and purges the edge after every write.
 */
public class EdgeProfile implements QuarkusTestProfile {

    public static final int ANONYMOUS_PER_MINUTE = 5;
    public static final int READER_PER_MINUTE = 8;
    public static final int FAILED_AUTH_PER_MINUTE = 3;

    /** A stand-in for Varnish: records every purge it receives. */
    public static final class Edge {
        public static final List<String> PURGES = new CopyOnWriteArrayList<>();
        static final HttpServer SERVER = start();

        private static HttpServer start() {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                server.createContext("/", exchange -> {
                    PURGES.add(exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("xkey-purge"));
                    exchange.sendResponseHeaders(200, -1);
                    exchange.close();
                });
                server.start();
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "lede.trust-proxy", "true",
                "lede.rate-limit.store", "redis",
                "lede.rate-limit.anonymous-per-minute", Integer.toString(ANONYMOUS_PER_MINUTE),
                "lede.rate-limit.reader-per-minute", Integer.toString(READER_PER_MINUTE),
                "lede.rate-limit.failed-auth-per-minute", Integer.toString(FAILED_AUTH_PER_MINUTE),
                "lede.purge.enabled", "true",
                // The second edge node is down: its failures are logged, writes go on.
                "lede.purge.urls", "http://127.0.0.1:" + Edge.SERVER.getAddress().getPort() + "/,http://127.0.0.1:" + closedPort() + "/",
                "lede.purge.timeout", "1s");
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
