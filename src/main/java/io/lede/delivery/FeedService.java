package io.lede.delivery;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.lede.article.Article;
import io.lede.article.ArticleConfig;
import io.lede.error.ProblemException;
import io.lede.http.ApiUrls;
import io.lede.http.HttpConfig;
import io.lede.image.ImageService;
import io.lede.image.ImageView;

/** Feeds of the newest published articles: latest or one section, in one language or all. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class FeedService {

    static final String LATEST = "latest";
    static final int ITEMS = 50;

    /** A feed document, the language it is in, and what it shows (for surrogate keys). */
    public record Feed(byte[] bytes, Optional<String> language, List<UUID> articleIds, Set<UUID> imageIds) {
    }

    private final DeliveryService delivery;
    private final ImageService images;
    private final FeedWriter writer;
    private final ArticleConfig site;
    private final HttpConfig http;

    public FeedService(DeliveryService delivery, ImageService images, FeedWriter writer, ArticleConfig site, HttpConfig http) {
        this.delivery = delivery;
        this.images = images;
        this.writer = writer;
        this.site = site;
        this.http = http;
    }

    /**
     * @param section a section, or null for the latest of all sections (404 when it has nothing published)
     * @param lang the language asked for with lang, or null to pick one by {@code acceptLanguage}
     * @param baseUri the API's base URI as the request reached it; {@code lede.public-url} wins over it
     * @param path the feed's path, as the request named it
     */
    public Feed feed(String section, FeedWriter.Format format, String lang, String acceptLanguage, String baseUri, String path) {
        if (section != null && !delivery.sectionExists(section)) {
            throw ProblemException.notFound("section", section);
        }
        Optional<String> language = delivery.language(lang, acceptLanguage);
        List<Article> articles = delivery.newest(section, language.orElse(null), ITEMS);
        Map<UUID, ImageView> leadImages = images.views(articles.stream().map(a -> a.leadImageId).filter(Objects::nonNull).toList());
        String apiBase = http.publicUrl().orElse(baseUri);
        String home = site.siteUrl().replaceAll("/+$", "");
        FeedWriter.Channel channel = new FeedWriter.Channel(
                section == null ? "Lede: latest" : "Lede: " + section,
                section == null ? "The newest stories" : "The newest stories in " + section,
                section == null ? home : home + "/" + section,
                ApiUrls.absolute(apiBase, path),
                language.orElse(null),
                OEmbedService.PROVIDER);
        return new Feed(writer.write(format, channel, articles, leadImages, apiBase), language,
                articles.stream().map(article -> article.id).toList(), leadImages.keySet());
    }
}
