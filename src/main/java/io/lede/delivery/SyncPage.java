package io.lede.delivery;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.lede.article.ArticleView;

/** One page of the change feed; apply upserts and deletes, then ask again with {@code next}. */
@Schema(name = "SyncPage")
public record SyncPage(
        @Schema(required = true, description = "Articles published or changed: store or replace them") List<ArticleView> upserts,
        @Schema(required = true, description = "Ids of articles deleted, unpublished or archived: drop them") List<String> deletes,
        @Schema(required = true, description = "The token for the next request") String next,
        @Schema(required = true, description = "true: more changes are waiting, ask again at once; false: up to date") boolean hasMore) {
}
