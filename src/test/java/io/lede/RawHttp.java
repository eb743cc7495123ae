package io.lede;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Requests written byte by byte on a socket: what a careless or hostile client can send that HTTP
 * client libraries refuse to (a malformed Host header, bytes no encoder would produce).
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** Sends {@code head} (request line and headers, CRLF-separated, without the final blank line) and {@code body}; returns the whole response. */
    public static String exchange(URI base, String head, byte[] body) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int read; (read = in.read(buffer)) >= 0;) {
                    response.write(buffer, 0, read);
                    if (complete(response.toString(StandardCharsets.UTF_8))) {
                        break;
                    }
                }
            } catch (SocketTimeoutException e) {
                if (response.size() == 0) {
                    throw e;
                }
            }
            return response.toString(StandardCharsets.UTF_8);
        }
    }

    /** A server refusing a body it did not read may keep the connection open: stop at the end of the response. */
    private static boolean complete(String response) {
        int end = response.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        String length = header(response, "Content-Length");
        return length != null && response.getBytes(StandardCharsets.UTF_8).length >= end + 4 + Integer.parseInt(length);
    }

    public static int status(String response) {
        return Integer.parseInt(response.substring(9, 12));
    }

    /** The body after the head; chunked bodies are returned with their chunk lines. */
    public static String body(String response) {
        int end = response.indexOf("\r\n\r\n");
        return end < 0 ? "" : response.substring(end + 4);
    }

    public static String header(String response, String name) {
        for (String line : response.substring(0, Math.max(0, response.indexOf("\r\n\r\n"))).split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }
}
