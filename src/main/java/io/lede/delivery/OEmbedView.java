package io.lede.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An oEmbed 1.0 "rich" response (https://oembed.com); member names are the spec's, snake_case. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "OEmbed")
public record OEmbedView(
        @Schema(required = true, enumeration = "rich") String type,
        @Schema(required = true, enumeration = "1.0") String version,
        String title,
        @JsonProperty("author_name") String authorName,
        @JsonProperty("provider_name") String providerName,
        @JsonProperty("provider_url") String providerUrl,
        @JsonProperty("cache_age") Long cacheAge,
        @Schema(required = true, description = "A headline card; every value in it is escaped") String html,
        @Schema(required = true) int width,
        @Schema(required = true) int height,
        @JsonProperty("thumbnail_url") String thumbnailUrl,
        @JsonProperty("thumbnail_width") Integer thumbnailWidth,
        @JsonProperty("thumbnail_height") Integer thumbnailHeight) {
}
