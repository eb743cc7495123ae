package io.lede.error;

import static io.lede.TestApi.editorToken;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.lede.TestApi;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** A client that hangs up mid-upload is no fault of the service: nothing is logged as an error. */
@QuarkusTest
class AbortedRequestTest {

    @TestHTTPResource("/")
    URI base;

    private final List<LogRecord> errors = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void capture() {
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void release() {
        Logger.getLogger("").removeHandler(capture);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/v1/articles", "/v1/quotes", "/v1/articles/%s/entries",
            "/v1/images multipart/form-data; boundary=cut" })
    void shouldNotLogAnErrorWhenTheClientClosesMidBody(String target) throws Exception {
        String template = target.split(" ", 2)[0];
        String type = target.contains(" ") ? target.split(" ", 2)[1] : "application/json";
        String body = type.startsWith("multipart") ? "--cut\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n\u0089PNG" : "{\"body\":[]}";
        String path = template.contains("%s") ? template.formatted(liveBlog()) : template;
        for (int attempt = 0; attempt < 3; attempt++) {
            try (Socket socket = new Socket(base.getHost(), base.getPort())) {
                OutputStream out = socket.getOutputStream();
                out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + editorToken()
                        + "\r\nContent-Type: " + type + "\r\nContent-Length: 5000\r\n\r\n" + body)
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                Thread.sleep(200);
            }
        }
        // The failure surfaces when the server notices the closed connection: give it the time to.
        Thread.sleep(1_500);
        assertEquals(List.of(), errors.stream().map(r -> r.getLoggerName() + ": " + r.getMessage()
                + (r.getThrown() == null ? "" : " " + r.getThrown())).toList());
    }

    private static String liveBlog() {
        var body = TestApi.article(TestApi.uniqueSection(), "Aborted uploads, live");
        body.put("live", java.util.Map.of("status", "live"));
        return TestApi.create(body).path("id");
    }
}
