package io.lede.article;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.lede.image.ImageView;
import io.lede.input.FieldSelection;
import io.lede.search.Highlight;

/** An article as clients see it. Optional fields that are empty are left out to keep payloads small. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Article")
public record ArticleView(
        @Schema(required = true, examples = "0b9f8a52-7c1e-4d2b-9a41-3f6f2f1c9e10") String id,
        @Schema(required = true) String slug,
        @Schema(required = true, description = "Canonical page on the publisher's site") String url,
        @Schema(required = true) String headline,
        String standfirst,
        @Schema(required = true) List<BodyBlock> body,
        @Schema(required = true, description = "Plain text of the body") String bodyText,
        String byline,
        @Schema(required = true) String section,
        @Schema(required = true) List<String> tags,
        @Schema(required = true) String language,
        @Schema(required = true, description = "Other language versions of this article") List<Translation> translations,
        @Schema(required = true) ArticleStatus status,
        Instant publishedAt,
        @Schema(required = true) Instant updatedAt,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) long version,
        @Schema(description = "Id of the lead image; the image itself with include=images",
                oneOf = { String.class, ImageView.class }) Object leadImage,
        String location,
        String source,
        @Schema(required = true, description = "Entities it is about or mentions; each inlined as entity with include=entities")
        List<EntityLink> entities,
        @Schema(required = true, description = "Who made it; byline stays the line shown to readers") List<Contributor> contributors,
        @Schema(required = true, description = "Corrections, clarifications and updates, oldest first") List<CorrectionView> corrections,
        @Schema(description = "When the last correction, clarification or update was published") Instant materiallyUpdatedAt,
        @Schema(nullable = true, description = "Set on live blogs, null on ordinary articles")
        @JsonInclude(JsonInclude.Include.ALWAYS) LiveCoverage live,
        @JsonIgnore @Schema(hidden = true) String translationGroup,
        @Schema(description = "With highlight=true on a search: where q matched, field by field (fields without a match are left out)")
        List<Highlight> highlights) {

    /*
     * translationGroup is never sent: responses name it in their surrogate keys
     * (translations-<group>), so that a translation published or renamed later refreshes them.
     */

    /** Names accepted by {@code fields=}: exactly the fields above that are sent. */
    public static final Set<String> FIELDS = FieldSelection.namesOf(ArticleView.class);

    /** The same article with other body blocks (inlined images or quotes). */
    public ArticleView withBody(List<BodyBlock> blocks) {
        return new ArticleView(id, slug, url, headline, standfirst, blocks, bodyText, byline, section, tags, language,
                translations, status, publishedAt, updatedAt, createdAt, version, leadImage, location, source, entities, contributors,
                corrections, materiallyUpdatedAt, live, translationGroup, highlights);
    }

    /** The same article with the lead image inlined. */
    public ArticleView withLeadImage(Object image) {
        return new ArticleView(id, slug, url, headline, standfirst, body, bodyText, byline, section, tags, language,
                translations, status, publishedAt, updatedAt, createdAt, version, image, location, source, entities, contributors,
                corrections, materiallyUpdatedAt, live, translationGroup, highlights);
    }

    /** The same article with its entity links carrying their entities. */
    public ArticleView withEntities(List<EntityLink> links) {
        return new ArticleView(id, slug, url, headline, standfirst, body, bodyText, byline, section, tags, language,
                translations, status, publishedAt, updatedAt, createdAt, version, leadImage, location, source, links, contributors,
                corrections, materiallyUpdatedAt, live, translationGroup, highlights);
    }

    /** The same article with where a search matched it. */
    public ArticleView withHighlights(List<Highlight> found) {
        return new ArticleView(id, slug, url, headline, standfirst, body, bodyText, byline, section, tags, language,
                translations, status, publishedAt, updatedAt, createdAt, version, leadImage, location, source, entities, contributors,
                corrections, materiallyUpdatedAt, live, translationGroup, found);
    }

    @Schema(name = "Translation")
    public record Translation(String language, String id, String slug) {
    }
}
