package io.lede.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.lede.article.Article;
import io.lede.article.ArticleFilter;
import io.lede.article.ArticleMapper;
import io.lede.article.ArticleRepository;
import io.lede.article.ArticleStatus;
import io.lede.article.HeadlineRows;
import io.lede.article.PageBudget;
import io.lede.cache.ContentChanges;
import io.lede.cache.SurrogateKeys;
import io.lede.image.ImageService;
import io.lede.image.ImageView;
import io.lede.paging.TimeKeyset;
import io.lede.paging.TimeListQuery;
import io.lede.paging.TimeOrder;

/** What partners and apps read: headline lists, sections, and the language a reader asked for. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DeliveryService {

    static final String THUMBNAIL = "thumb";

    /** What the published languages depend on: which articles are published, in which language. */
    private static final Set<String> LANGUAGE_KEYS = Set.of(SurrogateKeys.ALL_SECTIONS);

    /** The published languages, with the content generation they are known current at. */
    private record LanguageSnapshot(List<String> languages, long checked) {
    }

    private volatile LanguageSnapshot languages;

    private final ArticleRepository articles;
    private final ArticleMapper mapper;
    private final ImageService images;
    private final ContentChanges changes;
    private final PageBudget budget;
    private final HeadlineRows headlineRows;

    public DeliveryService(ArticleRepository articles, ArticleMapper mapper, ImageService images, ContentChanges changes,
            PageBudget budget, HeadlineRows headlineRows) {
        this.articles = articles;
        this.budget = budget;
        this.headlineRows = headlineRows;
        this.mapper = mapper;
        this.images = images;
        this.changes = changes;
    }

    /** The newest published articles as headlines: two queries for the articles (no bodies), one for their thumbnails. */
    public List<HeadlineView> headlines(String section, String language, int limit) {
        List<UUID> ids = newestIds(section, language, limit);
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, HeadlineRows.Row> byId = headlineRows.of(ids).stream()
                .collect(Collectors.toMap(HeadlineRows.Row::id, Function.identity()));
        List<HeadlineRows.Row> rows = ids.stream().map(byId::get).filter(Objects::nonNull).toList();
        Map<UUID, ImageView> thumbnails = images.views(rows.stream().map(HeadlineRows.Row::leadImageId)
                .filter(Objects::nonNull).toList());
        return rows.stream().map(row -> {
            ImageView image = thumbnails.get(row.leadImageId());
            return new HeadlineView(row.id().toString(), row.headline(), row.standfirst(), mapper.urlOf(row.section(), row.slug()),
                    row.section(), row.language(), row.publishedAt(), thumbnail(image),
                    HeadlineView.Thumbnail.of(image, thumbnail(image)), row.live());
        }).toList();
    }

    /** The newest published articles of a section (all sections when null), in order. */
    public List<Article> newest(String section, String language, int limit) {
        List<UUID> ids = newestIds(section, language, limit);
        if (ids.isEmpty()) {
            return List.of();
        }
        // Feeds carry each article's text: a feed of very long articles holds fewer of them.
        ids = ids.subList(0, budget.fitting(ids));
        Map<UUID, Article> byId = articles.withTags(ids).stream()
                .collect(Collectors.toMap(article -> article.id, Function.identity()));
        return ids.stream().map(byId::get).toList();
    }

    private List<UUID> newestIds(String section, String language, int limit) {
        TimeListQuery list = new TimeListQuery(language, null, null, null, TimeOrder.NEWEST, limit, false, null);
        List<TimeKeyset.Row> rows = articles.page(new ArticleFilter(Set.of(ArticleStatus.PUBLISHED), section, null, list));
        return rows.stream().limit(limit).map(TimeKeyset.Row::id).toList();
    }

    public List<SectionView> sections() {
        return articles.publishedSections().stream()
                .map(row -> new SectionView((String) row[0], ((Number) row[1]).longValue(), (Instant) row[2]))
                .toList();
    }

    public boolean sectionExists(String section) {
        return articles.sectionHasPublished(section);
    }

    /**
     * The language to serve: the one asked for with lang, else the best match for Accept-Language
     * among the languages published, which are looked up again only after content changed (they
     * change rarely, and the look-up reads every article).
     */
    public Optional<String> language(String lang, String acceptLanguage) {
        if (lang != null) {
            return Optional.of(lang);
        }
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Optional.empty();
        }
        return AcceptLanguage.pick(acceptLanguage, publishedLanguages());
    }

    private List<String> publishedLanguages() {
        LanguageSnapshot snapshot = languages;
        long now = snapshot == null ? -1 : changes.revalidate(snapshot.checked(), LANGUAGE_KEYS);
        if (now < 0) {
            long readAt = changes.generation();
            snapshot = new LanguageSnapshot(List.copyOf(articles.publishedLanguages()), readAt);
            languages = snapshot;
        } else if (now != snapshot.checked()) {
            languages = new LanguageSnapshot(snapshot.languages(), now);
        }
        return snapshot.languages();
    }

    public String thumbnail(ImageView image) {
        return image == null ? null : image.renditions().getOrDefault(THUMBNAIL, image.contentUrl());
    }
}
