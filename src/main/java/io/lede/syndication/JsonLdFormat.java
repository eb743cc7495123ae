package io.lede.syndication;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.lede.article.ArticleFormat;
import io.lede.article.ArticleView;
import io.lede.article.BodyBlock;
import io.lede.article.Contributor;
import io.lede.article.CorrectionView;
import io.lede.article.EntityLink;
import io.lede.cache.SurrogateKeys;
import io.lede.entity.EntitySummary;
import io.lede.entity.EntitySummary;
import io.lede.entity.EntityType;
import io.lede.http.ApiUrls;
import io.lede.image.ImageView;
import io.lede.input.Includes;
import io.lede.live.EntryFilter;
import io.lede.live.EntryService;
import io.lede.live.EntryView;
import io.lede.paging.CursorPage;
import io.lede.quote.QuoteView;

/**
 * {@code format=jsonld}: articles as schema.org {@code NewsArticle}s in JSON-LD, live blogs as
 * {@code LiveBlogPosting}s with their newest {@value #UPDATES} entries as {@code liveBlogUpdate}.
 * The article's {@code @id} is its canonical page: what search engines and partner pages link.
 * Entities are {@code about}/{@code mentions} nodes whose {@code sameAs} is their global id;
 * contributors are authors, contributors, editors and translators; corrections are
 * {@code CorrectionComment}s.
 */
@ApplicationScoped
public class JsonLdFormat implements ArticleFormat {

    static final String NAME = "jsonld";
    static final String MEDIA_TYPE = "application/ld+json";
    /** Live blog updates carried: the newest, as many as a page of entries may hold. */
    static final int UPDATES = 100;

    private final EntryService entries;
    private final ContributorEntities contributors;

    public JsonLdFormat(EntryService entries, ContributorEntities contributors) {
        this.entries = entries;
        this.contributors = contributors;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String mediaType() {
        return MEDIA_TYPE;
    }

    @Override
    public Rendered item(ArticleView article, Target target) {
        Set<String> keys = new HashSet<>();
        Map<UUID, EntitySummary> credited = contributors.of(List.of(article), keys);
        return new Rendered(article(article, JsonLd.CONTEXT, target, credited, keys), keys);
    }

    @Override
    public Rendered page(CursorPage<ArticleView> page, Target target) {
        Set<String> keys = new HashSet<>();
        Map<UUID, EntitySummary> credited = contributors.of(page.items(), keys);
        List<JsonLd.Article> items = page.items().stream().map(article -> article(article, null, target, credited, keys)).toList();
        return new Rendered(new JsonLd.ItemList(JsonLd.CONTEXT, "ItemList", items, page.total(), page.next()), keys);
    }

    /**
     * @param context the {@code @context}, or null inside a list that has it
     * @param credited the entities contributors are linked to
     */
    private JsonLd.Article article(ArticleView article, String context, Target target, Map<UUID, EntitySummary> credited,
            Set<String> keys) {
        boolean live = article.live() != null;
        List<JsonLd.BlogPosting> updates = live ? updates(article, target, keys) : List.of();
        return new JsonLd.Article(context, live ? "LiveBlogPosting" : "NewsArticle", article.url(), article.url(), article.id(),
                article.headline(), article.standfirst(), article.bodyText(), article.publishedAt(), article.updatedAt(),
                article.language(), article.section(), article.tags(), live ? null : article.location(),
                authors(article, credited), credited(article, credited, Contributor.Role.PHOTOGRAPHER),
                credited(article, credited, Contributor.Role.EDITOR), credited(article, credited, Contributor.Role.TRANSLATOR),
                article.source() == null ? null : organization(article.source()),
                Syndicated.pictures(article).stream().map(picture -> image(picture.image(), target.apiBase())).toList(),
                things(article, EntityLink.Rel.ABOUT), things(article, EntityLink.Rel.MENTIONS),
                article.corrections().stream().map(JsonLdFormat::correction).toList(),
                Syndicated.quotes(article).stream().map(JsonLdFormat::quotation).toList(),
                live ? article.live().startedAt() : null, live ? article.live().endedAt() : null, updates);
    }

    /** The live blog's newest entries the reader may see; its responses then depend on its entries too. */
    private List<JsonLd.BlogPosting> updates(ArticleView article, Target target, Set<String> keys) {
        keys.add(SurrogateKeys.key("entries", article.id()));
        List<EntryView> newest = entries.list(article.id(), new EntryFilter(false, null, UPDATES, false, null),
                target.audience().seesUnpublished(), Includes.NONE).items();
        return newest.stream().map(entry -> new JsonLd.BlogPosting("BlogPosting", article.url() + "#entry-" + entry.id(),
                entry.title(), plainText(entry.body()), entry.publishedAt(), entry.updatedAt())).toList();
    }

    private static String plainText(List<BodyBlock> body) {
        return String.join("\n\n", body.stream().map(BodyBlock::plainText).filter(Objects::nonNull).toList());
    }

    /** The contributors credited as authors; without any, the byline as one person. */
    private static List<JsonLd.Agent> authors(ArticleView article, Map<UUID, EntitySummary> credited) {
        List<JsonLd.Agent> authors = credited(article, credited, Contributor.Role.AUTHOR);
        if (authors.isEmpty() && article.byline() != null) {
            return List.of(person(article.byline(), null, List.of()));
        }
        return authors;
    }

    /** The contributors in one role: a Person, or an Organization when linked to one (an agency), sameAs its URI. */
    private static List<JsonLd.Agent> credited(ArticleView article, Map<UUID, EntitySummary> credited, Contributor.Role role) {
        List<JsonLd.Agent> agents = new ArrayList<>();
        for (Contributor contributor : article.contributors()) {
            if (contributor.role() != role) {
                continue;
            }
            EntitySummary entity = contributor.entityId() == null ? null : credited.get(contributor.entityId());
            boolean organisation = entity != null && entity.type() == EntityType.ORGANISATION;
            agents.add(new JsonLd.Agent(organisation ? "Organization" : "Person", contributor.name(), null,
                    entity == null ? List.of() : List.of(entity.uri())));
        }
        return agents;
    }

    /** The entities linked with this rel (include=entities inlined them), each sameAs its global id. */
    private static List<JsonLd.Thing> things(ArticleView article, EntityLink.Rel rel) {
        return article.entities().stream().filter(link -> link.rel() == rel && link.entity() != null)
                .map(link -> thing(link.entity())).toList();
    }

    private static JsonLd.Thing thing(EntitySummary entity) {
        String type = switch (entity.type()) {
            case PERSON -> "Person";
            case ORGANISATION -> "Organization";
            case PLACE -> "Place";
            case TOPIC -> "Thing";
        };
        return new JsonLd.Thing(type, entity.name(), List.of(entity.uri()));
    }

    /** A correction, clarification or update, its kind as the comment's name. */
    private static JsonLd.CorrectionComment correction(CorrectionView correction) {
        String kind = correction.kind().apiName();
        return new JsonLd.CorrectionComment("CorrectionComment", kind.substring(0, 1).toUpperCase(Locale.ROOT) + kind.substring(1),
                correction.text(), correction.at());
    }

    static JsonLd.Agent person(String name, String jobTitle, List<String> sameAs) {
        return new JsonLd.Agent("Person", name, jobTitle, sameAs);
    }

    static JsonLd.Agent organization(String name) {
        return new JsonLd.Agent("Organization", name, null, List.of());
    }

    private static JsonLd.ImageObject image(ImageView image, String apiBase) {
        String thumbnail = image.renditions().get("thumb");
        return new JsonLd.ImageObject("ImageObject", Syndicated.uri(image.id()), ApiUrls.absolute(apiBase, image.contentUrl()),
                ApiUrls.absolute(apiBase, image.displayUrl()), thumbnail == null ? null : ApiUrls.absolute(apiBase, thumbnail),
                image.width(), image.height(), image.mimeType(), image.caption(), image.altText(), image.credit(),
                image.copyrightNotice(), image.creator() == null ? null : person(image.creator(), null, List.of()));
    }

    private static JsonLd.Quotation quotation(QuoteView quote) {
        return new JsonLd.Quotation("Quotation", Syndicated.uri(quote.id()), quote.text(), quote.language(), quote.saidAt(),
                person(quote.speaker().name(), quote.speaker().role(),
                        quote.speaker().uri() == null ? List.of() : List.of(quote.speaker().uri())));
    }
}
