package io.lede.syndication;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.lede.article.ArticleFormat;
import io.lede.article.ArticleStatus;
import io.lede.article.ArticleView;
import io.lede.article.Contributor;
import io.lede.article.EntityLink;
import io.lede.entity.EntitySummary;
import io.lede.entity.EntityType;
import io.lede.http.ApiUrls;
import io.lede.image.ImageView;
import io.lede.paging.CursorPage;
import io.lede.quote.QuoteView;

/**
 * {@code format=ninjs}: articles as IPTC ninjs 3.1 items. The item's {@code uri} is
 * {@code urn:uuid:<article id>}, which never changes (the canonical page's URL does when the slug or
 * section does): the page is the item's {@code web} rendition. Pictures and quotes are associations;
 * entities and linked contributors go in people, organisations, places and subjects; lists keep
 * Lede's paging ({@code items}, {@code next}). ninjs 3.1 has no property for corrections: they are
 * left out (JSON-LD carries them).
 */
@ApplicationScoped
public class NinjsFormat implements ArticleFormat {

    static final String NAME = "ninjs";

    private final ContributorEntities contributors;

    public NinjsFormat(ContributorEntities contributors) {
        this.contributors = contributors;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String mediaType() {
        return "application/json";
    }

    @Override
    public Rendered item(ArticleView article, Target target) {
        Set<String> keys = new HashSet<>();
        Map<UUID, EntitySummary> credited = contributors.of(List.of(article), keys);
        return new Rendered(ninjs(article, target, credited), keys);
    }

    @Override
    public Rendered page(CursorPage<ArticleView> page, Target target) {
        Set<String> keys = new HashSet<>();
        Map<UUID, EntitySummary> credited = contributors.of(page.items(), keys);
        List<Ninjs> items = page.items().stream().map(article -> ninjs(article, target, credited)).toList();
        return new Rendered(new CursorPage<>(items, page.next(), page.cursor(), page.total()), keys);
    }

    /** @param credited the entities contributors are linked to */
    private static Ninjs ninjs(ArticleView article, Target target, Map<UUID, EntitySummary> credited) {
        List<Ninjs.Text> bodies = List.of(
                new Ninjs.Text("main", "text/plain", article.bodyText()),
                new Ninjs.Text("richtext", "text/html", BodyHtml.of(article.body(), target.apiBase())));
        List<Ninjs> associations = new ArrayList<>();
        int images = 0;
        for (Syndicated.Picture picture : Syndicated.pictures(article)) {
            associations.add(picture(picture.image(), picture.lead() ? "leadImage" : "image-" + ++images,
                    picture.lead() ? "leadImage" : "image", target.apiBase()));
        }
        int quotes = 0;
        for (QuoteView quote : Syndicated.quotes(article)) {
            associations.add(quote(quote, "quote-" + ++quotes));
        }
        return new Ninjs(null, null, Syndicated.uri(article.id()), "text", Ninjs.NINJS_3_1, Long.toString(article.version()),
                firstCreated(article), article.updatedAt(), null,
                article.status() == ArticleStatus.SCHEDULED ? article.publishedAt() : null,
                pubStatus(article.status()), article.language(), article.slug(),
                List.of(new Ninjs.Text("main", null, article.headline())),
                article.standfirst() == null ? List.of() : List.of(new Ninjs.Text("summary", null, article.standfirst())),
                bodies, by(article), article.location(), null,
                article.source() == null ? List.of() : List.of(new Ninjs.Party(article.source(), "source")),
                concepts(article, credited, EntityType.PERSON), concepts(article, credited, EntityType.ORGANISATION),
                concepts(article, credited, EntityType.PLACE), subjects(article),
                List.of(new Ninjs.Rendition("web", article.url(), "text/html", null, null, null)),
                associations);
    }

    /** When it first went out; for what has not (drafts, scheduled stories: editors only), when it was written. */
    private static Instant firstCreated(ArticleView article) {
        boolean wentOut = article.status() == ArticleStatus.PUBLISHED || article.status() == ArticleStatus.ARCHIVED;
        return wentOut && article.publishedAt() != null ? article.publishedAt() : article.createdAt();
    }

    /** The byline as shown; without one, the authors named as contributors. */
    private static String by(ArticleView article) {
        if (article.byline() != null) {
            return article.byline();
        }
        List<String> authors = article.contributors().stream().filter(c -> c.role() == Contributor.Role.AUTHOR)
                .map(Contributor::name).toList();
        return authors.isEmpty() ? null : String.join(" and ", authors);
    }

    /**
     * The entities of one type the article is about or mentions ({@code rel} says which), then its
     * contributors linked to one (their role as {@code rel}: author, photographer...).
     */
    private static List<Ninjs.Concept> concepts(ArticleView article, Map<UUID, EntitySummary> credited, EntityType type) {
        List<Ninjs.Concept> concepts = new ArrayList<>();
        for (EntityLink link : article.entities()) {
            if (link.entity() != null && link.entity().type() == type) {
                concepts.add(new Ninjs.Concept(link.entity().name(), link.rel().apiName(), link.entity().uri()));
            }
        }
        for (Contributor contributor : article.contributors()) {
            EntitySummary entity = contributor.entityId() == null ? null : credited.get(contributor.entityId());
            if (entity != null && entity.type() == type) {
                concepts.add(new Ninjs.Concept(contributor.name(), contributor.role().apiName(), entity.uri()));
            }
        }
        return concepts;
    }

    /** Topics the article is about or mentions (IPTC Media Topics, Wikidata), then its tags as plain names. */
    private static List<Ninjs.Concept> subjects(ArticleView article) {
        List<Ninjs.Concept> subjects = new ArrayList<>(concepts(article, Map.of(), EntityType.TOPIC));
        article.tags().forEach(tag -> subjects.add(new Ninjs.Concept(tag, "tag", null)));
        return subjects;
    }

    /** Published is usable; drafts and scheduled stories (editors only) are withheld; archived ones withdrawn. */
    static String pubStatus(ArticleStatus status) {
        return switch (status) {
            case PUBLISHED -> "usable";
            case DRAFT, SCHEDULED -> "withheld";
            case ARCHIVED -> "canceled";
        };
    }

    private static Ninjs picture(ImageView image, String name, String rel, String apiBase) {
        List<Ninjs.Text> descriptions = new ArrayList<>();
        if (image.caption() != null) {
            descriptions.add(new Ninjs.Text("caption", null, image.caption()));
        }
        if (image.altText() != null) {
            descriptions.add(new Ninjs.Text("alt", null, image.altText()));
        }
        return new Ninjs(name, rel, Syndicated.uri(image.id()), "picture", null, Long.toString(image.version()),
                image.createdAt(), image.updatedAt(), null, null, null, null, null, List.of(), descriptions, List.of(),
                image.creator(), null, image.copyrightNotice(),
                image.credit() == null ? List.of() : List.of(new Ninjs.Party(image.credit(), "creditline")),
                List.of(), List.of(), List.of(), List.of(), renditions(image, apiBase), List.of());
    }

    /** The original, then one rendition per width step, named as configured (thumb, large...) where one is. */
    private static List<Ninjs.Rendition> renditions(ImageView image, String apiBase) {
        Map<String, String> names = new HashMap<>();
        image.renditions().forEach((name, url) -> names.putIfAbsent(url, name));
        List<Ninjs.Rendition> renditions = new ArrayList<>();
        renditions.add(new Ninjs.Rendition("original", ApiUrls.absolute(apiBase, image.contentUrl()), image.mimeType(),
                image.width(), image.height(), image.bytes()));
        for (ImageView.Source source : image.srcset()) {
            renditions.add(new Ninjs.Rendition(names.getOrDefault(source.url(), "w" + source.width()),
                    ApiUrls.absolute(apiBase, source.url()), source.type(), source.width(), source.height(), null));
        }
        return renditions;
    }

    private static Ninjs quote(QuoteView quote, String name) {
        return new Ninjs(name, "quote", Syndicated.uri(quote.id()), "text", null, Long.toString(quote.version()),
                quote.createdAt(), quote.updatedAt(), quote.saidAt(), null, null, quote.language(), null, List.of(),
                quote.context() == null ? List.of() : List.of(new Ninjs.Text("context", null, quote.context())),
                List.of(new Ninjs.Text("main", "text/plain", quote.text())),
                BodyHtml.speaker(quote.speaker()), null, null, List.of(),
                List.of(new Ninjs.Concept(quote.speaker().name(), "speaker", quote.speaker().uri())),
                List.of(), List.of(), List.of(), List.of(), List.of());
    }
}
