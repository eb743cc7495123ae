package io.lede.live;

import java.util.UUID;

import io.lede.paging.Cursor;

/** What an entry list asks for: key events only, newer than an entry, the page. */
public record EntryFilter(boolean keyEventsOnly, UUID since, int limit, boolean count, Cursor after) {
}
