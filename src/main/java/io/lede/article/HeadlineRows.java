package io.lede.article;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.lede.db.InList;

/** Articles as headlines show them: a projection without the body, so fifty headlines of long articles stay small. */
@ApplicationScoped
public class HeadlineRows {

    public record Row(UUID id, String headline, String standfirst, String section, String slug, String language,
            Instant publishedAt, UUID leadImageId, LiveStatus liveStatus, Instant liveStartedAt, Instant liveEndedAt) {

        public LiveCoverage live() {
            return liveStatus == null ? null : new LiveCoverage(liveStatus, liveStartedAt, liveEndedAt);
        }
    }

    private final ArticleRepository articles;

    HeadlineRows(ArticleRepository articles) {
        this.articles = articles;
    }

    /** The rows of these articles, in no particular order. */
    public List<Row> of(Collection<UUID> ids) {
        InList in = InList.of("id", List.copyOf(ids));
        return in.bind(articles.getEntityManager().createQuery("select a.id, a.headline, a.standfirst, a.section, a.slug,"
                + " a.language, a.publishedAt, a.leadImageId, a.liveStatus, a.liveStartedAt, a.liveEndedAt from Article a"
                + " where a.id in " + in.placeholders(), Row.class)).getResultList();
    }
}
