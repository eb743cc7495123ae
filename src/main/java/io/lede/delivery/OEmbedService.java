package io.lede.delivery;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.lede.article.Article;
import io.lede.article.ArticleConfig;
import io.lede.article.ArticleRepository;
import io.lede.image.ImageService;
import io.lede.image.ImageView;

/** oEmbed cards for this site's own article URLs. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class OEmbedService {

    static final int DEFAULT_WIDTH = 600;
    static final int DEFAULT_HEIGHT = 200;
    static final long CACHE_AGE_SECONDS = 3600;

    private final ArticleConfig config;
    private final ImageService images;
    private final DeliveryService delivery;
    private final ArticleRepository articles;

    public OEmbedService(ArticleConfig config, ImageService images, DeliveryService delivery, ArticleRepository articles) {
        this.config = config;
        this.images = images;
        this.delivery = delivery;
        this.articles = articles;
    }

    /** A card, and what it shows: the article and its lead image (for surrogate keys). */
    public record Embed(OEmbedView view, UUID articleId, UUID imageId) {
    }

    public Optional<Embed> embed(String url, Optional<Integer> maxWidth, Optional<Integer> maxHeight) {
        return articleAt(url).map(article -> {
            int width = Math.min(DEFAULT_WIDTH, maxWidth.orElse(DEFAULT_WIDTH));
            int height = Math.min(DEFAULT_HEIGHT, maxHeight.orElse(DEFAULT_HEIGHT));
            ImageView image = article.leadImageId == null ? null : images.views(java.util.List.of(article.leadImageId))
                    .get(article.leadImageId);
            String thumbnail = image == null ? null : delivery.thumbnail(image);
            String site = config.siteUrl().replaceAll("/+$", "");
            OEmbedView view = new OEmbedView("rich", "1.0", article.headline, article.byline, "Lede", site, CACHE_AGE_SECONDS,
                    card(url, article, thumbnail, image), width, height, thumbnail,
                    image == null ? null : Math.min(image.width(), 320),
                    image == null ? null : (int) Math.round(image.height() * Math.min(1.0, 320.0 / image.width())));
            return new Embed(view, article.id, article.leadImageId);
        });
    }

    /** The published article whose canonical URL this is: site URL, section, slug; nothing else. */
    private Optional<Article> articleAt(String url) {
        String prefix = config.siteUrl().replaceAll("/+$", "") + "/";
        if (!url.startsWith(prefix)) {
            return Optional.empty();
        }
        String path = url.substring(prefix.length()).replaceAll("[?#].*$", "").replaceAll("/+$", "");
        String[] parts = path.split("/");
        if (parts.length != 2) {
            return Optional.empty();
        }
        return articles.publishedAt(parts[0], parts[1]);
    }

    /** A headline card: every value escaped, so a headline can never become markup. */
    private static String card(String url, Article article, String thumbnail, ImageView image) {
        StringBuilder html = new StringBuilder("<blockquote class=\"lede-embed\" cite=\"").append(Html.escape(url)).append("\">");
        if (thumbnail != null) {
            html.append("<img src=\"").append(Html.escape(thumbnail)).append("\" alt=\"")
                    .append(Html.escape(image.altText())).append("\" loading=\"lazy\">");
        }
        html.append("<p><a href=\"").append(Html.escape(url)).append("\">").append(Html.escape(article.headline)).append("</a></p>");
        if (article.standfirst != null) {
            html.append("<p>").append(Html.escape(article.standfirst)).append("</p>");
        }
        return html.append("</blockquote>").toString();
    }
}
