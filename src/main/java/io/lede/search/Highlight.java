package io.lede.search;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a search matched an item: the field, and its text around the matches. */
@Schema(name = "Highlight")
public record Highlight(
        @Schema(required = true, description = "The field that matched", examples = "headline") String field,
        @Schema(required = true, description = "HTML-escaped text of the field (a passage of a long one) with each match in <mark>...</mark>",
                examples = "Night <mark>ferries</mark> return to the harbour") String fragment) {
}
