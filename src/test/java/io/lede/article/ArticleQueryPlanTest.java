package io.lede.article;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.lede.paging.Cursor;
import io.lede.paging.TimeListQuery;
import io.lede.paging.TimeOrder;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The plans PostgreSQL picks for the list queries the service sends, over an archive large enough
 * for the planner to care: 20,000 articles inserted in a transaction that is rolled back, so no
 * other test sees them.
 */
@QuarkusTest
class ArticleQueryPlanTest {

    static final String RARE_WORD = "quillwort";

    @Inject
    ArticleRepository query;

    @Inject
    EntityManager entityManager;

    @Test
    void shouldSearchThroughTheGinIndexAndPageThroughTheKeysetIndex() {
        assumeTrue(ArticleSearchTest.isPostgres(), "EXPLAIN plans are PostgreSQL's");
        QuarkusTransaction.begin();
        try {
            seed(20_000);
            List<String> search = query.explainPage(filter(RARE_WORD, null));
            assertTrue(search.stream().anyMatch(line -> line.contains("article_search_idx")),
                    "search should use the GIN index:\n" + String.join("\n", search));

            Cursor deep = Cursor.after(TimeOrder.NEWEST.apiName(), Instant.parse("2020-06-01T00:00:00Z"), UUID.randomUUID(), null);
            List<String> page = query.explainPage(filter(null, deep));
            assertTrue(page.stream().anyMatch(line -> line.contains("article_published_idx")),
                    "a deep page should walk the keyset index:\n" + String.join("\n", page));
            assertTrue(page.stream().noneMatch(line -> line.contains("Sort") || line.contains("Seq Scan")),
                    "a deep page should neither sort nor scan the table:\n" + String.join("\n", page));
        } finally {
            QuarkusTransaction.rollback();
        }
    }

    private static ArticleFilter filter(String q, Cursor after) {
        return new ArticleFilter(Set.of(ArticleStatus.PUBLISHED), null, null,
                new TimeListQuery(null, q, null, null, TimeOrder.NEWEST, 20, false, after));
    }

    /** Published articles one hour apart; one in a thousand mentions the rare word. */
    private void seed(int articles) {
        entityManager.createNativeQuery("""
                insert into article (id, slug, headline, standfirst, body, body_text, section, language,
                    translation_group, status, published_at, created_at, updated_at, version)
                select id, 'plan-' || n, 'Council meeting number ' || n, 'Routine business',
                    cast('[]' as jsonb),
                    case when mod(n, 1000) = 0 then 'Botanists found %s in the lake.' else 'The minutes were approved.' end,
                    'plans', 'en', id, 'PUBLISHED', ts, ts, ts, 0
                from (select gen_random_uuid() as id, n,
                             timestamptz '2018-01-01 00:00:00+00' + n * interval '1 hour' as ts
                      from generate_series(1, %d) as n) rows
                """.formatted(RARE_WORD, articles)).executeUpdate();
        entityManager.createNativeQuery("analyze article").executeUpdate();
    }
}
