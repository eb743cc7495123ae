package io.lede.quote;

import java.time.Instant;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import io.lede.text.Texts;

/** Between the stored {@link Quote} and the records of the API. */
@ApplicationScoped
public class QuoteMapper {

    /** The quote as editors see it. */
    public QuoteView toView(Quote quote, String speakerUri) {
        return toView(quote, true, speakerUri);
    }

    /**
     * @param showArticle whether the caller may learn which article it belongs to (see {@link QuoteVisibility})
     * @param speakerUri the URI of the speaker's entity, when linked
     */
    public QuoteView toView(Quote quote, boolean showArticle, String speakerUri) {
        return new QuoteView(
                quote.id.toString(),
                quote.text,
                new QuoteView.Speaker(quote.speaker.id.toString(), quote.speakerName, quote.speakerRole,
                        Objects.toString(quote.speakerEntityId, null), quote.speakerEntityId == null ? null : speakerUri),
                showArticle ? Objects.toString(quote.articleId, null) : null,
                quote.saidAt,
                quote.context,
                quote.language,
                quote.createdAt,
                quote.updatedAt,
                quote.version);
    }

    public QuoteRequest toRequest(Quote quote) {
        return new QuoteRequest(quote.text, new QuoteRequest.Speaker(quote.speakerName, quote.speakerRole, quote.speakerEntityId),
                quote.articleId, quote.saidAt, quote.context, quote.language);
    }

    /** Copies the editable fields; the speaker and language are the service's to resolve. */
    public void copyContent(QuoteRequest request, Quote quote, Instant saidAt) {
        quote.text = request.text().strip();
        quote.speakerName = SpeakerNames.tidy(request.speaker().name());
        quote.speakerRole = request.speaker().role() == null || request.speaker().role().isBlank()
                ? null : SpeakerNames.tidy(request.speaker().role());
        quote.speakerEntityId = request.speaker().entityId();
        quote.articleId = request.articleId();
        quote.saidAt = saidAt;
        quote.datedAt = saidAt != null ? saidAt : quote.createdAt;
        quote.context = Texts.blankToNull(request.context());
    }

    public SpeakerView toView(SpeakerQuery.Row row, SpeakerQuery.Label label) {
        return new SpeakerView(row.id().toString(), label.name(), label.role(), row.quoteCount(), row.latestQuoteAt(),
                label.roles());
    }
}
