package io.lede.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hibernate.query.NativeQuery;

import io.lede.article.ArticleService;
import io.lede.article.ArticleTombstone;
import io.lede.article.PageBudget;
import io.lede.db.NativeQueries;
import io.lede.db.SqlFilter;
import io.lede.error.ProblemException;
import io.lede.error.ProblemType;
import io.lede.input.Includes;
import io.lede.paging.Slice;
import io.lede.security.Audience;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * Delta sync for apps that keep stories offline. Changes are read in (time, id) order from the
 * articles (published: upsert; unpublished after having been out: delete) and the tombstones (delete). Applying every
 * page in order leaves a client with exactly the published set, whatever changed meanwhile: an
 * article changed during paging moves to the end of the feed and comes again.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SyncService {

    /**
     * A writer stamps its time before it commits; a token never moves closer to now than this, so
     * a change committed a moment late is still ahead of every token handed out.
     */
    static final Duration COMMIT_SKEW = Duration.ofSeconds(5);

    private record Change(UUID id, Instant at, boolean upsert) {
    }

    private final NativeQueries sql;
    private final SyncTokens tokens;
    private final ArticleService articles;
    private final SyncConfig config;
    private final PageBudget budget;

    public SyncService(NativeQueries sql, SyncTokens tokens, ArticleService articles, SyncConfig config, PageBudget budget) {
        this.sql = sql;
        this.budget = budget;
        this.tokens = tokens;
        this.articles = articles;
        this.config = config;
    }

    /** @param language only this language (null: all); must match the token's when both are given */
    public SyncPage sync(String since, String language, int limit) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        SyncToken token = since == null ? SyncToken.beginning(now, language) : tokens.decode(since);
        if (language != null && !language.equals(token.language())) {
            throw ProblemException.invalid("lang", "differs from the language the sync token was made for ("
                    + (token.language() == null ? "all" : token.language()) + "); start over without since to change it");
        }
        if (token.dependsOn().isBefore(now.minus(config.tombstoneRetention()))) {
            throw ProblemException.of(ProblemType.GONE, "This sync token is older than the deletions kept ("
                    + config.tombstoneRetention().toDays() + " days); start over without since");
        }
        Slice<Change> page = Slice.of(changesAfter(token, limit + 1), limit);
        page = page.first(withinBudget(page.rows()));
        List<UUID> upserts = page.rows().stream().filter(Change::upsert).map(Change::id).toList();
        List<String> deletes = page.rows().stream().filter(change -> !change.upsert()).map(change -> change.id().toString()).toList();
        SyncToken next = page.next(last -> token.after(last.at(), last.id()));
        if (next == null) {
            // Up to date: the next delta starts a little before now (see COMMIT_SKEW); what it sends again is harmless.
            Instant position = now.minus(COMMIT_SKEW);
            next = token.delta(position.isAfter(token.at()) ? position : token.at(), SyncToken.LOWEST);
        }
        return new SyncPage(articles.viewsOf(upserts, Audience.ANONYMOUS, Includes.NONE), deletes, tokens.encode(next), page.more());
    }

    /**
     * How many of these changes, from the first, one page carries: all of them unless their
     * articles' text is over the page budget (see {@link PageBudget}); then the page
     * ends before the first article that does not fit, and the next token starts there.
     */
    private int withinBudget(List<Change> changes) {
        List<UUID> upserts = changes.stream().filter(Change::upsert).map(Change::id).toList();
        int fitting = budget.fitting(upserts);
        if (fitting == upserts.size()) {
            return changes.size();
        }
        UUID firstLeftOut = upserts.get(fitting);
        for (int i = 0; i < changes.size(); i++) {
            if (changes.get(i).upsert() && changes.get(i).id().equals(firstLeftOut)) {
                return i;
            }
        }
        return changes.size();
    }

    /** Tombstones older than the retention go; tokens that depended on them get 410. */
    @Scheduled(every = "1h", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void purgeTombstones() {
        long purged = ArticleTombstone.delete("deletedAt < ?1", Instant.now().minus(config.tombstoneRetention()));
        if (purged > 0) {
            Log.infof("Purged %d tombstones", purged);
        }
    }

    private List<Change> changesAfter(SyncToken token, int limit) {
        SqlFilter where = sql.filter();
        // Articles in another language than the client's are removals for it, like unpublished ones.
        String upsert = token.language() == null ? "a.status = 'PUBLISHED'"
                : "a.status = 'PUBLISHED' and a.language = " + where.bind(token.language());
        where.and("(c.t, c.id) > (" + where.bind(token.at()) + ", " + where.bind(token.id()) + ")");
        if (token.initial()) {
            // A first pass needs no removals from before it began: the client had nothing then.
            where.and("(c.kind = 1 or c.t >= ?)", token.start());
        }
        // Removals name only articles a public client could have had: ones that were out once. Drafts and
        // embargoed stories never reach it, not even as ids (tombstones are left only by such articles too).
        NativeQuery<Object[]> query = sql.query("select c.id as id, c.t as t, c.kind as kind from ("
                + "select a.id as id, a.updated_at as t, case when " + upsert + " then 1 else 0 end as kind from article a"
                + " where a.first_published_at is not null or a.status = 'PUBLISHED'"
                + " union all select d.id as id, d.deleted_at as t, 0 as kind from article_tombstone d) c"
                + where.where() + " order by c.t, c.id", where);
        query.addScalar("id", UUID.class).addScalar("t", Instant.class).addScalar("kind", Integer.class);
        query.setMaxResults(limit);
        List<Change> changes = new ArrayList<>();
        for (Object[] row : query.getResultList()) {
            changes.add(new Change((UUID) row[0], (Instant) row[1], ((Number) row[2]).intValue() == 1));
        }
        return changes;
    }
}
