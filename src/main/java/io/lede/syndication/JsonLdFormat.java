package io.lede.syndication;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.lede.article.ArticleFormat;
import io.lede.article.ArticleView;
import io.lede.article.BodyBlock;
import io.lede.cache.SurrogateKeys;
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
 */
@ApplicationScoped
public class JsonLdFormat implements ArticleFormat {

    static final String NAME = "jsonld";
    static final String MEDIA_TYPE = "application/ld+json";
    /** Live blog updates carried: the newest, as many as a page of entries may hold. */
    static final int UPDATES = 100;

    private final EntryService entries;

    public JsonLdFormat(EntryService entries) {
        this.entries = entries;
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
        return new Rendered(article(article, JsonLd.CONTEXT, target, keys), keys);
    }

    @Override
    public Rendered page(CursorPage<ArticleView> page, Target target) {
        Set<String> keys = new HashSet<>();
        List<JsonLd.Article> items = page.items().stream().map(article -> article(article, null, target, keys)).toList();
        return new Rendered(new JsonLd.ItemList(JsonLd.CONTEXT, "ItemList", items, page.total(), page.next()), keys);
    }

    /** @param context the {@code @context}, or null inside a list that has it */
    private JsonLd.Article article(ArticleView article, String context, Target target, Set<String> keys) {
        boolean live = article.live() != null;
        List<JsonLd.BlogPosting> updates = live ? updates(article, target, keys) : List.of();
        return new JsonLd.Article(context, live ? "LiveBlogPosting" : "NewsArticle", article.url(), article.url(), article.id(),
                article.headline(), article.standfirst(), article.bodyText(), article.publishedAt(), article.updatedAt(),
                article.language(), article.section(), article.tags(), live ? null : article.location(),
                article.byline() == null ? List.of() : List.of(person(article.byline(), null, List.of())),
                List.of(), List.of(), List.of(),
                article.source() == null ? null : organization(article.source()),
                Syndicated.pictures(article).stream().map(picture -> image(picture.image(), target.apiBase())).toList(),
                List.of(), List.of(), List.of(),
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

    static JsonLd.Agent person(String name, String jobTitle, List<String> sameAs) {
        return new JsonLd.Agent("Person", name, jobTitle, sameAs);
    }

    static JsonLd.Agent organization(String name) {
        return new JsonLd.Agent("Organization", name, null, List.of());
    }

    private static JsonLd.ImageObject image(ImageView image, String apiBase) {
        String thumbnail = image.renditions().get("thumb");
        return new JsonLd.ImageObject("ImageObject", Syndicated.uri(image.id()), Syndicated.absolute(apiBase, image.contentUrl()),
                Syndicated.displayUrl(image, apiBase), thumbnail == null ? null : Syndicated.absolute(apiBase, thumbnail),
                image.width(), image.height(), image.mimeType(), image.caption(), image.altText(), image.credit(),
                image.copyrightNotice(), image.creator() == null ? null : person(image.creator(), null, List.of()));
    }

    private static JsonLd.Quotation quotation(QuoteView quote) {
        return new JsonLd.Quotation("Quotation", Syndicated.uri(quote.id()), quote.text(), quote.language(), quote.saidAt(),
                person(quote.speaker().name(), quote.speaker().role(), List.of()));
    }
}
