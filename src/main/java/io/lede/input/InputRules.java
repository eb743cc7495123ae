package io.lede.input;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

import io.lede.error.HttpProblemRoutes;
import io.lede.error.Problem;
import io.lede.error.ProblemType;
import io.lede.text.TextRule;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The input rules that hold for every request, applied once where requests are parsed, before any
 * endpoint sees them:
 * <ul>
 * <li>the URI and the headers are not too long: 414 and 431;</li>
 * <li>every path segment and query parameter is valid percent-encoding of valid UTF-8 and passes
 * {@link TextRule} (one line): 400 naming the parameter, or {@code path};</li>
 * <li>no query parameter is given twice (every list is one comma-separated value): 400 naming it;</li>
 * </ul>
 * Bodies are checked where they are read ({@link JsonBodies}), and JSON strings inside them while
 * they are parsed ({@link StrictJson}).
 */
@ApplicationScoped
public class InputRules {

    /**
     * Longer URIs get a 414 problem here. Vert.x's own limits ({@code quarkus.http.limits.
     * max-initial-line-length}, {@code max-header-size}) are set above these, because what Vert.x
     * refuses itself gets an empty body: only requests past those get one.
     */
    static final int MAX_URI_LENGTH = 8192;
    static final int MAX_HEADER_BYTES = 16384;

    private final HttpProblemRoutes problems;

    public InputRules(HttpProblemRoutes problems) {
        this.problems = problems;
    }

    /**
     * Quarkus' root handler answers a URI that java.net.URI cannot parse with an empty 400 before
     * any route runs; this property, read when the HTTP server starts (after the container is up,
     * which this observes), hands that check to {@link #checkUri}, which answers with a problem. Set
     * here so that no launcher (java -jar, tests, dev mode, containers) has to pass it.
     */
    static void takeOverUriValidation(@Observes @Initialized(ApplicationScoped.class) Object containerUp) {
        System.setProperty("vertx.disableURIValidation", "true");
    }

    void install(@Observes @Priority(1) Router router) {
        // First (after request ids and security headers): routes that match by path decode it.
        router.route().order(Integer.MIN_VALUE).handler(this::checkUri);
    }

    private void checkUri(RoutingContext context) {
        String uri = context.request().uri();
        if (uri.length() > MAX_URI_LENGTH) {
            problems.send(context, ProblemType.forStatus(414, "The URI is " + uri.length()
                    + " characters long; at most " + MAX_URI_LENGTH + " are accepted"));
            return;
        }
        int headerBytes = 0;
        for (var header : context.request().headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerBytes > MAX_HEADER_BYTES) {
            problems.send(context, ProblemType.forStatus(431, "The request headers take " + headerBytes
                    + " bytes; at most " + MAX_HEADER_BYTES + " are accepted"));
            return;
        }
        try {
            new URI(uri);
        } catch (URISyntaxException e) {
            problems.send(context, ProblemType.MALFORMED_URI.problem(
                    "The request URI is not valid; percent-encode spaces, quotes and other reserved characters"));
            return;
        }
        int query = uri.indexOf('?');
        String path = query < 0 ? uri : uri.substring(0, query);
        Problem problem = checkPart("path", path, false);
        if (problem == null && query >= 0) {
            Set<String> named = new HashSet<>();
            for (String parameter : uri.substring(query + 1).split("&")) {
                if (parameter.isEmpty()) {
                    continue;
                }
                int equals = parameter.indexOf('=');
                String rawName = equals < 0 ? parameter : parameter.substring(0, equals);
                problem = checkPart("query", rawName, true);
                String name = decodeOrRaw(rawName);
                if (problem == null && equals >= 0) {
                    problem = checkPart(name, parameter.substring(equals + 1), true);
                }
                if (problem == null && !named.add(name)) {
                    // The resources would read one of the values and drop the others unseen.
                    problem = invalid(name, "is given more than once; give it once (a list is comma-separated)");
                }
                if (problem != null) {
                    break;
                }
            }
        }
        if (problem != null) {
            problems.send(context, problem);
            return;
        }
        context.next();
    }

    private static Problem checkPart(String field, String raw, boolean form) {
        String decoded;
        try {
            decoded = decode(raw, form);
        } catch (IllegalArgumentException e) {
            return invalid(field, "is not valid percent-encoding");
        } catch (CharacterCodingException e) {
            return invalid(field, "is not valid UTF-8");
        }
        String violation = TextRule.violation(decoded, false);
        return violation == null ? null : invalid(field, violation);
    }

    private static String decodeOrRaw(String raw) {
        try {
            return decode(raw, true);
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return raw;
        }
    }

    private static Problem invalid(String field, String message) {
        return Problem.validation(List.of(new Problem.FieldError(field, message)));
    }

    /** Percent-decoding that refuses what the JDK's decoders silently repair. */
    static String decode(String raw, boolean plusIsSpace) throws CharacterCodingException {
        if (raw.indexOf('%') < 0 && (!plusIsSpace || raw.indexOf('+') < 0)) {
            return strictUtf8(ByteBuffer.wrap(raw.getBytes(StandardCharsets.UTF_8)));
        }
        ByteBuffer bytes = ByteBuffer.allocate(raw.length() * 3);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    throw new IllegalArgumentException("truncated escape");
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw new IllegalArgumentException("not hexadecimal");
                }
                bytes.put((byte) (high << 4 | low));
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.put((byte) ' ');
            } else {
                bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        bytes.flip();
        return strictUtf8(bytes);
    }

    static String strictUtf8(ByteBuffer bytes) throws CharacterCodingException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer chars = decoder.decode(bytes);
        return chars.toString();
    }
}
