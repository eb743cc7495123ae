package io.lede.quote;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

import io.lede.error.ProblemException;
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

    QuoteFilter toFilter() {
        TimeListQuery shared = parseShared();
        String speakerText = QueryParams.text(speaker, "speaker", 200);
        UUID speakerId = speakerText == null ? null : Ids.parse(speakerText).orElse(null);
        UUID articleId = null;
        if (article != null && !article.isBlank()) {
            articleId = Ids.parse(article.trim())
                    .orElseThrow(() -> ProblemException.invalid("article", "must be an article id"));
        }
        return new QuoteFilter(speakerId == null ? speakerText : null, speakerId, articleId, shared);
    }
}
