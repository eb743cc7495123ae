package io.lede.article;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

import io.lede.common.error.ProblemException;
import io.lede.common.http.QueryParams;
import io.lede.common.paging.Cursor;
import io.lede.common.paging.TimeKeyset;
import io.lede.common.paging.TimeOrder;
import io.lede.common.text.Languages;
import io.lede.security.Roles;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

/** The query parameters of {@code GET /v1/articles}, and their checks. */
public class ArticleListParams {

    static final int MAX_QUERY_LENGTH = 200;

    @RestQuery
    @Parameter(description = "Only articles of this section", example = "world")
    String section;

    @RestQuery
    @Parameter(description = "Only articles with this tag (case-insensitive)", example = "elections")
    String tag;

    @RestQuery
    @Parameter(description = "Only articles in this language (BCP-47)", example = "en")
    String lang;

    @RestQuery
    @Parameter(description = "Full-text search over headline, standfirst and body; supports \"quoted phrases\", or, and -word",
            schema = @Schema(type = SchemaType.STRING, maxLength = MAX_QUERY_LENGTH))
    String q;

    @RestQuery
    @Parameter(description = "Published at or after this time (ISO-8601, or a date meaning its start, UTC)",
            example = "2026-11-01")
    String from;

    @RestQuery
    @Parameter(description = "Published before this time (ISO-8601), or on or before this date (UTC)",
            example = "2026-11-30")
    String to;

    @RestQuery
    @Parameter(description = "Editors only: comma-separated statuses to list (draft, scheduled, published, archived); default published",
            example = "draft,scheduled")
    String status;

    @RestQuery
    @Parameter(description = "newest (default), oldest, or relevance (needs q)",
            schema = @Schema(type = SchemaType.STRING, enumeration = { "newest", "oldest", "relevance" }, defaultValue = "newest"))
    String sort;

    @RestQuery
    @Parameter(description = "Opaque cursor from the next link of the previous page")
    String cursor;

    @RestQuery
    @Parameter(description = "Items per page",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
    String limit;

    @RestQuery
    @Parameter(description = "true adds total, the number of matching articles",
            schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
    String count;

    /** Turns the parameters into a filter; asking for unpublished statuses needs an editor token. */
    ArticleFilter toFilter(SecurityIdentity caller) {
        Set<ArticleStatus> statuses = statuses();
        if (!statuses.equals(Set.of(ArticleStatus.PUBLISHED))) {
            if (caller.isAnonymous()) {
                throw new UnauthorizedException();
            }
            if (!caller.hasRole(Roles.EDITOR)) {
                throw new ForbiddenException();
            }
        }
        String query = QueryParams.text(q, "q", MAX_QUERY_LENGTH);
        TimeOrder order = QueryParams.enumValue(sort, "sort", TimeOrder.class, TimeOrder.NEWEST);
        if (order == TimeOrder.RELEVANCE && query == null) {
            throw ProblemException.invalid("sort", "relevance needs a search term in q");
        }
        Instant start = QueryParams.instant(from, "from", false);
        Instant end = QueryParams.instant(to, "to", true);
        if (start != null && end != null && !start.isBefore(end)) {
            throw ProblemException.invalid("to", "must be after from");
        }
        String language = QueryParams.text(lang, "lang", 35);
        if (language != null && !language.matches(Languages.PATTERN)) {
            throw ProblemException.invalid("lang", "must be a BCP-47 language tag such as en or zh-Hans");
        }
        return new ArticleFilter(statuses, QueryParams.text(section, "section", 64), QueryParams.text(tag, "tag", 64),
                Languages.canonical(language), start, end, query, order,
                QueryParams.intInRange(limit, "limit", 20, 1, 100), QueryParams.bool(count, "count"),
                cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor.trim(), order.apiName(), TimeKeyset.CURSOR_SIZE));
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
