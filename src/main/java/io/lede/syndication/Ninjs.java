package io.lede.syndication;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An IPTC ninjs 3.1 news object: an article, or one of the pictures and quotes associated with it
 * ({@code name} and {@code rel} are set on associations only). Empty properties are left out, as
 * the schema allows no nulls.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Ninjs(
        String name,
        String rel,
        String uri,
        String type,
        Standard standard,
        String version,
        Instant firstCreated,
        Instant versionCreated,
        Instant contentCreated,
        Instant embargoedUntil,
        String pubStatus,
        String language,
        String slugline,
        List<Text> headlines,
        List<Text> descriptions,
        List<Text> bodies,
        String by,
        String located,
        String copyrightNotice,
        List<Party> infoSources,
        List<Concept> people,
        List<Concept> organisations,
        List<Concept> places,
        List<Concept> subjects,
        List<Rendition> renditions,
        List<Ninjs> associations) {

    /** The standard an item conforms to, so a reader knows which schema to validate it with. */
    public static final Standard NINJS_3_1 = new Standard("ninjs", "3.1", "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json");

    /** A headline, description or body: one text with its role and media type. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Text(String role, String contentType, String value) {
    }

    /** A person, organisation, place or subject the content relates to ({@code rel}: about, mentions...). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Concept(String name, String rel, String uri) {
    }

    /** Who supplied the content (an agency credit). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Party(String name, String role) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Rendition(String name, String href, String contentType, Integer width, Integer height, Long sizeInBytes) {
    }

    public record Standard(String name, String version, String schema) {
    }
}
