package io.lede.article;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

import io.lede.error.ProblemException;
import io.lede.entity.EntityService;
import io.lede.input.QueryParams;
import io.lede.paging.TimeListParams;
import io.lede.security.Audience;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** The query parameters of {@code GET /v1/articles}, and their checks. */
public class ArticleListParams extends TimeListParams {

    @RestQuery
    @Parameter(description = "Only articles of this section", example = "world")
    String section;

    @RestQuery
    @Parameter(description = "Only articles with this tag (case-insensitive)", example = "elections")
    String tag;

    @RestQuery
    @Parameter(description = "Editors only: comma-separated statuses to list (draft, scheduled, published, archived); default published",
            example = "draft,scheduled", schema = @Schema(implementation = ArticleStatus.class))
    String status;

    @RestQuery
    @Parameter(description = "true: each item gets highlights, where q matched it (HTML-escaped, matches in <mark>); needs q",
            schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
    String highlight;

    /** Whether to add highlights to the items; asking for them without a search is a 400. */
    boolean highlights(ArticleFilter filter) {
        boolean wanted = QueryParams.bool(highlight, "highlight");
        if (wanted && filter.list().q() == null) {
            throw ProblemException.invalid("highlight", "highlights need a search term in q");
        }
        return wanted;
    }

    @RestQuery
    @Parameter(description = "Only articles about, mentioning or made by this entity: its id or its URI",
            example = "http://www.wikidata.org/entity/Q1055")
    String entity;

    /** Turns the parameters into a filter; asking for unpublished statuses needs an editor token. */
    ArticleFilter toFilter(Audience audience, EntityService entities) {
        Set<ArticleStatus> statuses = statuses();
        if (!statuses.equals(Set.of(ArticleStatus.PUBLISHED))) {
            if (audience == Audience.ANONYMOUS) {
                throw new UnauthorizedException();
            }
            if (!audience.seesUnpublished()) {
                throw new ForbiddenException();
            }
        }
        String named = QueryParams.text(entity, "entity", 300);
        UUID entityId = named == null ? null : entities.filterId(named, "entity");
        return new ArticleFilter(statuses, QueryParams.text(section, "section", 64), QueryParams.text(tag, "tag", 64),
                entityId, parseShared());
    }

    private Set<ArticleStatus> statuses() {
        if (status == null || status.isBlank()) {
            return Set.of(ArticleStatus.PUBLISHED);
        }
        Set<ArticleStatus> statuses = EnumSet.noneOf(ArticleStatus.class);
        Arrays.stream(status.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .forEach(s -> statuses.add(QueryParams.enumValue(s, "status", ArticleStatus.class, null)));
        return statuses.isEmpty() ? Set.of(ArticleStatus.PUBLISHED) : Set.copyOf(statuses);
    }
}
