package io.lede.article;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.lede.db.NativeQueries;
import io.lede.db.SqlFilter;
import io.lede.error.ProblemException;
import io.lede.paging.Cursor;
import io.lede.paging.Page;
import io.lede.paging.TimeKeyset;
import io.lede.paging.TimeOrder;
import io.lede.text.Ids;

/**
 * The public record of corrections: those of published articles, newest first. A correction of
 * an article that is unpublished later leaves the list with it, and comes back if it does.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CorrectionService {

    private static final String FROM = "article_correction c join article a on a.id = c.article_id";

    private final NativeQueries sql;
    private final TimeKeyset keyset;
    private final ArticleRepository articles;
    private final ArticleMapper mapper;

    CorrectionService(NativeQueries sql, TimeKeyset keyset, ArticleRepository articles, ArticleMapper mapper) {
        this.sql = sql;
        this.keyset = keyset;
        this.articles = articles;
        this.mapper = mapper;
    }

    public Page<CorrectionNotice> list(Cursor after, int limit, boolean count) {
        SqlFilter where = published();
        List<TimeKeyset.Row> rows = keyset.page(new TimeKeyset.Query(FROM, "c.id", "c.published_at", null, where, TimeOrder.NEWEST,
                after, limit));
        return Page.of(rows, limit, page -> notices(page.stream().map(TimeKeyset.Row::id).toList()),
                row -> row.cursor(TimeOrder.NEWEST), count ? sql.count(FROM, published()) : null);
    }

    public CorrectionNotice find(String id) {
        return Ids.parse(id)
                .flatMap(uuid -> notices(List.of(uuid)).stream().findFirst())
                .filter(notice -> articles.findByIdOptional(UUID.fromString(notice.articleId())).map(Article::isPublished).orElse(false))
                .orElseThrow(() -> ProblemException.notFound("correction", id));
    }

    private SqlFilter published() {
        return sql.filter().and("a.status = ?", ArticleStatus.PUBLISHED.name());
    }

    /** The corrections with these ids, in this order, with their articles' headlines and pages. */
    private List<CorrectionNotice> notices(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Correction> corrections = Correction.<Correction> list("id in ?1", ids).stream()
                .collect(Collectors.toMap(correction -> correction.id, Function.identity()));
        Map<UUID, Article> byArticle = articles.list("id in ?1", corrections.values().stream().map(c -> c.articleId).distinct().toList())
                .stream().collect(Collectors.toMap(article -> article.id, Function.identity()));
        return ids.stream().map(corrections::get).filter(Objects::nonNull).map(correction -> {
            Article article = byArticle.get(correction.articleId);
            return new CorrectionNotice(correction.id.toString(), correction.kind, correction.text, correction.publishedAt,
                    article.id.toString(), article.headline, mapper.urlOf(article));
        }).toList();
    }
}
