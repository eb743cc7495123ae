package io.lede.quote;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

import io.lede.error.ProblemException;
import io.lede.entity.EntityService;
import io.lede.input.QueryParams;
import io.lede.paging.TimeListParams;
import io.lede.paging.TimeListQuery;
import io.lede.text.Ids;

/** The query parameters of {@code GET /v1/quotes}, and their checks. */
public class QuoteListParams extends TimeListParams {

    @RestQuery
    @Parameter(description = "Only quotes by this speaker: a name in any spelling (case, accents and spaces ignored) or a speaker id",
            example = "Ilse Marren")
    String speaker;

    @RestQuery
    @Parameter(description = "Only quotes linked to this article (id)")
    String article;

    @RestQuery
    @Parameter(description = "Only quotes whose speaker is this person entity: its id or its URI",
            example = "http://www.wikidata.org/entity/Q567")
    String entity;

    QuoteFilter toFilter(EntityService entities) {
        TimeListQuery shared = parseShared();
        String speakerText = QueryParams.text(speaker, "speaker", 200);
        UUID speakerId = speakerText == null ? null : Ids.parse(speakerText).orElse(null);
        UUID articleId = null;
        if (article != null && !article.isBlank()) {
            articleId = Ids.parse(article.trim())
                    .orElseThrow(() -> ProblemException.invalid("article", "must be an article id"));
        }
        String named = QueryParams.text(entity, "entity", 300);
        UUID speakerEntity = named == null ? null : entities.filterId(named, "entity");
        return new QuoteFilter(speakerId == null ? speakerText : null, speakerId, articleId, speakerEntity, shared);
    }
}
