package io.lede.article;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.lede.paging.Cursor;
import io.lede.paging.TimeKeyset;
import io.lede.paging.TimeListQuery;
import io.lede.paging.TimeOrder;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The plans PostgreSQL picks for the list queries the service sends, as they run
 * ({@code EXPLAIN ANALYZE}), over an archive large enough for the planner to care: 100,000
 * articles in 20 sections inserted in a transaction that is rolled back, so no other test sees
 * them. A search must never read the archive: no step of a plan handles more rows than the walk's
 * bound, whether the word is rare (where the planner, left alone, walks the time index through
 * every row) or common (where relevance, left alone, ranks every match).
 */
@QuarkusTest
class ArticleQueryPlanTest {

    static final int ARTICLES = 100_000;
    /** In five articles, the newest of them 30,000 rows deep. */
    static final String RARE_WORD = "quillwort";
    /** In every eighth headline. */
    static final String COMMON_WORD = "lighthouse";

    /**
     * Rows a walk may read past its bound: walking the index on (status, time), the planner sorts by
     * (time, id) as it goes and reads on to the end of the last run of rows with the same time.
     */
    static final int SAME_TIME = 50;

    private static final Pattern ROWS = Pattern.compile("(?:rows=|Rows Removed by Filter: )(\\d+)");

    @Inject
    ArticleRepository query;

    @Inject
    EntityManager entityManager;

    @BeforeEach
    void seedOnPostgres() {
        assumeTrue(ArticleSearchTest.isPostgres(), "EXPLAIN plans are PostgreSQL's");
        QuarkusTransaction.begin();
        seed();
    }

    @AfterEach
    void rollBack() {
        if (QuarkusTransaction.isActive()) {
            QuarkusTransaction.rollback();
        }
    }

    @Test
    void shouldFindARareWordThroughTheGinIndexAfterABoundedWalk() {
        List<String> plan = query.explainPage(filter(null, RARE_WORD, TimeOrder.NEWEST, null), true);
        List<String> walk = walk(plan);
        List<String> index = index(plan);
        assertWalksTheTimeIndex(walk);
        assertAtMost(walk, TimeKeyset.walkLength(21) + SAME_TIME);
        assertUses(index, "article_search_idx");
        assertTrue(index.stream().noneMatch(line -> line.contains("article_published_idx") || line.contains("Seq Scan")),
                "the index path must not walk the time index or scan the table:\n" + String.join("\n", index));
        assertAtMost(index, 100);
    }

    @Test
    void shouldRankOnlyTheNewestMatchesOfACommonWord() {
        List<String> plan = query.explainPage(filter(null, COMMON_WORD, TimeOrder.RELEVANCE, null), true);
        List<String> walk = walk(plan);
        assertWalksTheTimeIndex(walk);
        // 200 candidates of a word in one row in eight: some 1,600 rows read, 200 ranked, not 12,500.
        assertAtMost(walk, 8 * TimeKeyset.RELEVANCE_CANDIDATES + 100);
        assertTrue(walk.stream().noneMatch(line -> line.contains("Seq Scan") || line.contains("Bitmap")),
                "relevance on a common word must not collect every match:\n" + String.join("\n", walk));
    }

    @Test
    void shouldSearchOneSectionThroughItsIndexes() {
        List<String> plan = query.explainPage(filter("plans-0", RARE_WORD, TimeOrder.NEWEST, null), true);
        List<String> walk = walk(plan);
        assertUses(walk, "article_section_published_idx");
        assertAtMost(walk, TimeKeyset.walkLength(21) + SAME_TIME);
        List<String> index = index(plan);
        assertUses(index, "article_search_idx");
        assertAtMost(index, 100);

        List<String> common = walk(query.explainPage(filter("plans-0", COMMON_WORD, TimeOrder.NEWEST, null), true));
        assertUses(common, "article_section_published_idx");
        assertAtMost(common, 400);
    }

    /**
     * The driver prepares a statement it runs often, and PostgreSQL may then plan it once for any
     * value: a plan that cannot see the word, which took a rare word's search from under a
     * millisecond to a parallel bitmap scan. Searched for again and again on one connection, every
     * execution of the search's statements must be planned for its own word.
     */
    @Test
    void shouldPlanEverySearchForItsWordHoweverOftenItRuns() {
        for (int i = 0; i < 15; i++) {
            assertTrue(query.page(filter(null, RARE_WORD, TimeOrder.NEWEST, null)).size() == 5, "five articles hold the rare word");
            query.page(filter(null, COMMON_WORD, TimeOrder.RELEVANCE, null));
        }
        Object[] plans = (Object[]) entityManager.createNativeQuery("select coalesce(sum(generic_plans), 0), coalesce(sum(custom_plans), 0)"
                + " from pg_prepared_statements where statement like '%search_vector%'").getSingleResult();
        long generic = ((Number) plans[0]).longValue();
        long custom = ((Number) plans[1]).longValue();
        assertTrue(custom > 0, "the search's statements are prepared after a few runs (custom plans: " + custom + ")");
        assertTrue(generic == 0, "no execution of a search may use a generic plan, yet " + generic + " did");
    }

    @Test
    void shouldPageDeepThroughTheKeysetIndex() {
        Cursor deep = Cursor.after(TimeOrder.NEWEST.apiName(), Instant.parse("2020-06-01T00:00:00Z"), UUID.randomUUID(), null);
        List<String> page = query.explainPage(filter(null, null, TimeOrder.NEWEST, deep), false);
        assertUses(page, "article_published_idx");
        assertTrue(page.stream().noneMatch(line -> line.contains("Sort") || line.contains("Seq Scan")),
                "a deep page should neither sort nor scan the table:\n" + String.join("\n", page));
    }

    private static ArticleFilter filter(String section, String q, TimeOrder order, Cursor after) {
        return new ArticleFilter(Set.of(ArticleStatus.PUBLISHED), section, null,
                new TimeListQuery(null, q, null, null, order, 20, false, after));
    }

    private static List<String> walk(List<String> plan) {
        int split = plan.indexOf(TimeKeyset.THEN_INDEX);
        assertTrue(split > 0, "a search explains its walk, then its index path:\n" + String.join("\n", plan));
        return plan.subList(0, split);
    }

    private static List<String> index(List<String> plan) {
        return plan.subList(plan.indexOf(TimeKeyset.THEN_INDEX) + 1, plan.size());
    }

    /**
     * The walk reads the newest rows in time order through an index on the publication time: the
     * published rows' own ({@code article_published_idx}) or the one by status and time, which the
     * planner may pick instead when its statistics say the two cost the same (both are bounded).
     */
    private static void assertWalksTheTimeIndex(List<String> plan) {
        assertTrue(plan.stream().anyMatch(line -> line.contains("Index Scan") && (line.contains("article_published_idx")
                || line.contains("article_status_idx"))) && plan.stream().noneMatch(line -> line.contains("Seq Scan")),
                "the walk should read an index in time order:\n" + String.join("\n", plan));
    }

    private static void assertUses(List<String> plan, String index) {
        assertTrue(plan.stream().anyMatch(line -> line.contains(index)), "the plan should use " + index + ":\n" + String.join("\n", plan));
    }

    /**
     * No step of the plan as it ran produced or threw away more than {@code rows} rows. Bitmap index
     * scans count index entries, not rows read: a section's entries may be AND-ed with the
     * search's before any row is read.
     */
    private static void assertAtMost(List<String> plan, int rows) {
        for (String line : plan) {
            if (line.contains("Bitmap Index Scan")) {
                continue;
            }
            Matcher matcher = ROWS.matcher(line);
            while (matcher.find()) {
                assertTrue(Long.parseLong(matcher.group(1)) <= rows,
                        "a step handled more than " + rows + " rows:\n" + String.join("\n", plan));
            }
        }
    }

    /**
     * Published articles one hour apart, newest last, in 20 sections; every eighth headline has the
     * common word, five bodies far from the newest the rare one.
     */
    private void seed() {
        entityManager.createNativeQuery("""
                insert into article (id, slug, headline, standfirst, body, body_text, section, language,
                    translation_group, status, published_at, created_at, updated_at, version)
                select id, 'plan-' || n,
                    case when mod(n, 8) = 0 then 'The lighthouse keepers meet, number ' else 'Council meeting number ' end || n,
                    'Routine business', cast('[]' as jsonb),
                    case when n in (70000, 60000, 50000, 40000, 30000) then 'Botanists found %s in the lake.'
                         else 'The minutes were approved.' end,
                    'plans-' || mod(n, 20), 'en', id, 'PUBLISHED', ts, ts, ts, 0
                from (select gen_random_uuid() as id, n,
                             timestamptz '2014-01-01 00:00:00+00' + n * interval '1 hour' as ts
                      from generate_series(1, %d) as n) rows
                """.formatted(RARE_WORD, ARTICLES)).executeUpdate();
        entityManager.createNativeQuery("analyze article").executeUpdate();
    }
}
