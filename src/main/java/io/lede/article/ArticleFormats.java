package io.lede.article;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.lede.error.ProblemException;
import io.lede.error.ProblemType;
import io.lede.http.AcceptHeader;
import io.quarkus.arc.All;

/**
 * The {@code format=} parameter: {@code json} (the default, Lede's own shape) or one of the
 * {@link ArticleFormat}s the application has. The format is part of the URL, so caches tell the
 * formats apart without varying on {@code Accept}.
 */
@ApplicationScoped
class ArticleFormats {

    static final String JSON = "json";
    static final String JSON_MEDIA_TYPE = "application/json";

    private final Map<String, ArticleFormat> byName = new TreeMap<>();

    ArticleFormats(@All List<ArticleFormat> formats) {
        formats.forEach(format -> byName.put(format.name(), format));
    }

    /**
     * The format asked for, or empty for Lede's JSON. Unknown formats, {@code fields=} with a
     * standard's format (its documents have their own shape: picking fields would break it), and an
     * Accept header that rules out the format's media type are refused.
     */
    Optional<ArticleFormat> choose(String requested, String fields, String accept) {
        // Names fold case, as every other enumerated parameter does (sort=NEWEST, status=Published).
        String format = requested == null ? null : requested.strip().toLowerCase(Locale.ROOT);
        if (format == null || format.isBlank() || JSON.equals(format)) {
            requireAcceptable(accept, JSON_MEDIA_TYPE, JSON);
            return Optional.empty();
        }
        ArticleFormat chosen = byName.get(format);
        if (chosen == null) {
            throw ProblemException.invalid("format", "unknown format; accepted: " + JSON + ", " + String.join(", ", byName.keySet()));
        }
        if (fields != null && !fields.isBlank()) {
            throw ProblemException.invalid("fields", "cannot be combined with format=" + format
                    + ": a " + format + " document keeps the shape its standard gives it");
        }
        requireAcceptable(accept, chosen.mediaType(), format);
        return Optional.of(chosen);
    }

    /**
     * A JSON-based media type ({@code application/ld+json}) is JSON: a client that accepts
     * {@code application/json} and asked for that format by name gets it (RFC 6839's {@code +json}
     * suffix), unless it refused that media type by name with q=0. A client whose Accept allows
     * neither gets 406, naming the format parameter.
     */
    private static void requireAcceptable(String accept, String mediaType, String format) {
        boolean jsonBased = mediaType.endsWith("+json") && !AcceptHeader.refuses(accept, mediaType);
        if (AcceptHeader.allows(accept, mediaType) || jsonBased && AcceptHeader.allows(accept, JSON_MEDIA_TYPE)) {
            return;
        }
        throw ProblemException.of(ProblemType.NOT_ACCEPTABLE, "format=" + format + " answers with " + mediaType
                + ", which the Accept header rules out; the format parameter picks the representation");
    }
}
