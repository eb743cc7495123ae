package io.lede.quote;

import java.util.UUID;

import io.lede.paging.TimeListQuery;

/** What a quote list asks for: its own filters, and what every time-ordered list shares. */
public record QuoteFilter(String speakerName, UUID speakerId, UUID articleId, UUID speakerEntity, TimeListQuery list) {
}
