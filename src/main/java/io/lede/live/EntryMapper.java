package io.lede.live;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.lede.article.BodyBlock;
import io.lede.text.Texts;

/** Between the stored {@link Entry} and the records of the API. */
@ApplicationScoped
public class EntryMapper {

    public EntryView toView(Entry entry) {
        return new EntryView(entry.id.toString(), entry.title, List.copyOf(entry.body), entry.keyEvent, entry.pinned,
                entry.publishedAt, entry.updatedAt, entry.version);
    }

    /** What a PATCH is merged into: the current entry in request form. */
    public EntryRequest toRequest(Entry entry) {
        return new EntryRequest(entry.title, List.copyOf(entry.body), entry.keyEvent, entry.pinned, entry.publishedAt);
    }

    /** Copies the editable fields; the publication time is the service's to decide. */
    public void copy(EntryRequest request, Entry entry) {
        String title = Texts.blankToNull(request.title());
        entry.title = title == null ? null : title.strip();
        entry.body = request.body().stream().map(BodyBlock::stored).toList();
        // What image and quote deletions check (EntryImageUsers, EntryQuoteUsers).
        entry.quoteIds.clear();
        entry.quoteIds.addAll(BodyBlock.quoteIds(entry.body));
        entry.imageIds.clear();
        entry.imageIds.addAll(BodyBlock.imageIds(entry.body));
        entry.keyEvent = Boolean.TRUE.equals(request.keyEvent());
        entry.pinned = Boolean.TRUE.equals(request.pinned());
    }
}
