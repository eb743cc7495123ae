package io.lede.quote;

import java.time.Instant;
import java.util.UUID;

import io.lede.common.paging.Cursor;
import io.lede.common.paging.TimeOrder;

/** What a quote list asks for, parsed and checked. */
public record QuoteFilter(
        String speakerName,
        UUID speakerId,
        UUID articleId,
        String language,
        Instant from,
        Instant to,
        String q,
        TimeOrder sort,
        int limit,
        boolean count,
        Cursor after) {
}
