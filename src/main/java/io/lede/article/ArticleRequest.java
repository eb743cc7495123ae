package io.lede.article;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.lede.input.NotRemovable;
import io.lede.text.Languages;
import io.lede.text.MultilineText;

/**
 * The body of POST and PUT, and what a PATCH is merged into. Server-owned fields (id, version,
 * timestamps, url, bodyText) are not part of it: sent anyway, they are ignored.
 */
@Schema(name = "ArticleRequest")
public record ArticleRequest(
        @Schema(description = "URL slug; made from the headline when absent", examples = "harbour-reopens-after-storm")
        @Size(max = Slugs.MAX_LENGTH) @Pattern(regexp = Slugs.PATTERN, message = "must be lower-case letters, digits and single hyphens")
        String slug,

        @Schema(required = true, examples = "Harbour reopens after three days of storms")
        @NotBlank @Size(max = 300)
        String headline,

        @Schema(description = "Summary shown under the headline")
        @Size(max = 1000) @MultilineText
        String standfirst,

        @Schema(required = true, description = "Ordered body blocks")
        @NotNull @Size(max = 1000)
        List<@NotNull @Valid BodyBlock> body,

        @Size(max = 200)
        String byline,

        @Schema(required = true, examples = "world")
        @NotBlank @Size(max = 64)
        @Pattern(regexp = SECTION_PATTERN, message = "must be lower-case letters, digits and single hyphens, and not 'latest' (the feed of all sections)")
        String section,

        @Size(max = 50)
        List<@NotBlank @Size(max = 64) String> tags,

        @Schema(required = true, description = "BCP-47 language tag", examples = "en")
        @NotBlank @Size(max = 35) @Pattern(regexp = Languages.PATTERN, message = "must be a BCP-47 language tag such as en or zh-Hans")
        String language,

        @Schema(description = "Id of an article this one translates; joins its translation group")
        UUID translationOf,

        @Schema(description = "draft (default), scheduled (needs a future publishedAt), published or archived")
        @NotRemovable
        ArticleStatus status,

        @Schema(description = "When it was or will be published; defaults to now when publishing")
        Instant publishedAt,

        @Schema(description = "Id of the lead image")
        UUID leadImage,

        @Schema(description = "Dateline place", examples = "Kyiv")
        @Size(max = 200)
        String location,

        @Schema(description = "Agency the story comes from", examples = "AFP")
        @Size(max = 200)
        String source,

        @Schema(description = "Entities it is about or mentions, each once")
        @Size(max = 100)
        List<@NotNull @Valid EntityLink> entities,

        @Schema(description = "Who made it: authors, photographers, editors, translators, in order")
        @Size(max = 50)
        List<@NotNull @Valid Contributor> contributors,

        @Schema(description = "Makes it a live blog (status live or ended); null or absent for an ordinary article")
        @Valid
        LiveCoverage live) {

    /** A slug, except {@code latest}: {@code /v1/feeds/latest.rss} is the feed of all sections. */
    static final String SECTION_PATTERN = "^(?!latest$)[a-z0-9]+(-[a-z0-9]+)*$";
}
