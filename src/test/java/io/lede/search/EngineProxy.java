package io.lede.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The test's way to the real OpenSearch on 127.0.0.1:9200 (.ci/opensearch.sh; LEDE_OPENSEARCH_PORT): a TCP relay on a port
 * of its own, which the test can take down (listening socket closed, open connections cut: to the
 * service the engine is gone, connections refused) and bring back on the same port, without stopping
 * the OpenSearch node other runs share. Nothing is answered by the relay itself.
 */
final class EngineProxy {

    static final String ENGINE = "127.0.0.1";
    /** LEDE_OPENSEARCH_PORT, as for .ci/opensearch.sh. */
    static final int ENGINE_PORT = Integer.parseInt(System.getenv().getOrDefault("LEDE_OPENSEARCH_PORT", "9200"));

    private static EngineProxy instance;

    private final int port;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;

    private EngineProxy(int port) {
        this.port = port;
    }

    static synchronized EngineProxy get() {
        if (instance == null) {
            try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
                instance = new EngineProxy(probe.getLocalPort());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            instance.up();
        }
        return instance;
    }

    int port() {
        return port;
    }

    /** Whether OpenSearch itself answers (not through the relay). */
    static boolean engineAnswers() {
        try {
            HttpResponse<Void> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
                    .send(HttpRequest.newBuilder(URI.create("http://" + ENGINE + ":" + ENGINE_PORT + "/")).timeout(Duration.ofSeconds(5))
                            .build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Sends a request straight to OpenSearch (test set-up: removing an index of an earlier run). */
    static int engine(String method, String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://" + ENGINE + ":" + ENGINE_PORT + path))
                    .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Sends a request with a JSON body straight to OpenSearch; answers the response's body, failing on any status but 200. */
    static String engine(String method, String path, String json) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://" + ENGINE + ":" + ENGINE_PORT + path)).header("Content-Type", "application/json")
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path, e);
        }
    }

    synchronized void up() {
        if (server != null) {
            return;
        }
        try {
            ServerSocket listening = new ServerSocket();
            listening.setReuseAddress(true);
            listening.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            server = listening;
            Thread accept = new Thread(() -> accept(listening), "engine-proxy-accept");
            accept.setDaemon(true);
            accept.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on " + port, e);
        }
    }

    synchronized void down() {
        if (server == null) {
            return;
        }
        close(server);
        server = null;
        open.forEach(EngineProxy::close);
        open.clear();
    }

    private void accept(ServerSocket listening) {
        while (!listening.isClosed()) {
            try {
                Socket client = listening.accept();
                Socket engine = new Socket(ENGINE, ENGINE_PORT);
                open.add(client);
                open.add(engine);
                pump(client, engine);
                pump(engine, client);
            } catch (IOException e) {
                // closed by down(), or the engine refused: the client sees its connection end
            }
        }
    }

    private static void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // either side went away
            } finally {
                close(from);
                close(to);
            }
        }, "engine-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void close(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
