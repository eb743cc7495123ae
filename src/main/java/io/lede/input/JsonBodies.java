package io.lede.input;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;

import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import io.lede.error.ProblemException;
import io.lede.error.ProblemType;

/**
 * Every JSON body as the REST layer reads it: declared as what it is (a wildcard Content-Type is a
 * 415); at most {@code lede.max-body-bytes} bytes counted as
 * they arrive, so a chunked body (no {@code Content-Length} to check up front) is cut off at the
 * limit with 413 instead of being read whole; and valid UTF-8, so overlong forms ({@code C0 AF}
 * for {@code /}) and encoded surrogates are a 400 rather than silently repaired by the parser.
 * Declared lengths over the limit are refused earlier, before any byte is read (HttpProblemRoutes).
 */
@Provider
public class JsonBodies implements ReaderInterceptor {

    /** Resolved on first use: providers are made while the application starts, before configuration mappings are. */
    private final Instance<InputConfig> config;

    public JsonBodies(Instance<InputConfig> config) {
        this.config = config;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type != null && (type.isWildcardType() || type.isWildcardSubtype())) {
            // A body says what it is: a wildcard would also slip past the checks below.
            throw new ProblemException(ProblemType.forStatus(415, "Content-Type " + type.getType() + "/" + type.getSubtype()
                    + " does not say what the body is; send application/json"));
        }
        if (type == null || !isJson(type.getSubtype())) {
            return context.proceed();
        }
        // JSON is read as UTF-8 whatever charset the Content-Type names: RFC 8259 defines none for
        // application/json and says one has no effect (HTTP clients add ISO-8859-1 to types they do not know).
        byte[] body = readAtMost(context.getInputStream());
        try {
            InputRules.strictUtf8(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            throw ProblemException.of(ProblemType.MALFORMED, "The body is not valid UTF-8");
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    private byte[] readAtMost(InputStream in) throws IOException {
        long limit = config.get().maxBodyBytes();
        byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        if (body.length > limit) {
            throw ProblemException.of(ProblemType.TOO_LARGE, "The body is larger than the " + limit + " bytes this endpoint accepts");
        }
        return body;
    }

    private static boolean isJson(String subtype) {
        return subtype.equals("json") || subtype.endsWith("+json");
    }
}
