package io.lede.delivery;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A JSON Feed 1.1 document (https://jsonfeed.org/version/1.1); its members are snake_case by the spec. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "JsonFeed", description = "JSON Feed 1.1")
public record JsonFeed(
        @Schema(required = true, enumeration = VERSION) String version,
        @Schema(required = true) String title,
        @JsonProperty("home_page_url") String homePageUrl,
        @JsonProperty("feed_url") String feedUrl,
        String description,
        String language,
        @Schema(required = true) List<Item> items) {

    static final String VERSION = "https://jsonfeed.org/version/1.1";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "JsonFeedItem")
    public record Item(
            @Schema(required = true) String id,
            String url,
            String title,
            String summary,
            @JsonProperty("content_text") String contentText,
            String image,
            @JsonProperty("date_published") Instant datePublished,
            @JsonProperty("date_modified") Instant dateModified,
            List<Author> authors,
            List<String> tags,
            String language) {
    }

    @Schema(name = "JsonFeedAuthor")
    public record Author(String name) {
    }
}
