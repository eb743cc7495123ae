package io.lede.syndication;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The schema.org JSON-LD documents of {@code format=jsonld}. Empty properties are left out: in
 * JSON-LD an absent property and a null one say the same.
 */
public final class JsonLd {

    public static final String CONTEXT = "https://schema.org";

    private JsonLd() {
    }

    /** A NewsArticle, or a LiveBlogPosting with its newest updates. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Article(
            @JsonProperty("@context") String context,
            @JsonProperty("@type") String type,
            @JsonProperty("@id") String id,
            String url,
            String identifier,
            String headline,
            String description,
            String articleBody,
            Instant datePublished,
            Instant dateModified,
            String inLanguage,
            String articleSection,
            List<String> keywords,
            String dateline,
            List<Agent> author,
            List<Agent> contributor,
            List<Agent> editor,
            List<Agent> translator,
            Agent sourceOrganization,
            List<ImageObject> image,
            List<Thing> about,
            List<Thing> mentions,
            List<CorrectionComment> correction,
            List<Quotation> citation,
            Instant coverageStartTime,
            Instant coverageEndTime,
            List<BlogPosting> liveBlogUpdate) {
    }

    /** A page of articles: an ItemList, with Lede's {@code next} for clients that page through it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ItemList(
            @JsonProperty("@context") String context,
            @JsonProperty("@type") String type,
            List<Article> itemListElement,
            Long numberOfItems,
            @JsonInclude(JsonInclude.Include.ALWAYS) String next) {
    }

    /** A Person or an Organization. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Agent(
            @JsonProperty("@type") String type,
            String name,
            String jobTitle,
            List<String> sameAs) {
    }

    /** A person, place, organisation or topic the article is about or mentions; sameAs carries its global id. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Thing(
            @JsonProperty("@type") String type,
            String name,
            List<String> sameAs) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ImageObject(
            @JsonProperty("@type") String type,
            @JsonProperty("@id") String id,
            String contentUrl,
            String url,
            String thumbnailUrl,
            Integer width,
            Integer height,
            String encodingFormat,
            String caption,
            String description,
            String creditText,
            String copyrightNotice,
            Agent creator) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Quotation(
            @JsonProperty("@type") String type,
            @JsonProperty("@id") String id,
            String text,
            String inLanguage,
            Instant dateCreated,
            Agent creator) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record CorrectionComment(
            @JsonProperty("@type") String type,
            String name,
            String text,
            Instant datePublished) {
    }

    /** One update of a live blog. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record BlogPosting(
            @JsonProperty("@type") String type,
            @JsonProperty("@id") String id,
            String headline,
            String articleBody,
            Instant datePublished,
            Instant dateModified) {
    }
}
