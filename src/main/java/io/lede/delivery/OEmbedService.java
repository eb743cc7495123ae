package io.lede.delivery;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.lede.article.Article;
import io.lede.article.ArticleConfig;
import io.lede.article.ArticleRepository;
import io.lede.http.ApiUrls;
import io.lede.http.HttpConfig;
import io.lede.image.ImageConfig;
import io.lede.image.ImageService;
import io.lede.image.ImageView;
import io.lede.text.Html;

/** oEmbed cards for this site's own article URLs. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class OEmbedService {

    static final int DEFAULT_WIDTH = 600;
    static final int DEFAULT_HEIGHT = 200;
    static final long CACHE_AGE_SECONDS = 3600;
    /** The provider's name, in oEmbed cards and as the author of feeds. */
    static final String PROVIDER = "Lede";
    /** The widest thumbnail a card offers, when the consumer sets no smaller maxwidth. */
    static final int THUMBNAIL_WIDTH = 320;

    private final ArticleConfig config;
    private final ImageService images;
    private final ArticleRepository articles;
    private final HttpConfig http;
    private final ImageConfig imageConfig;

    public OEmbedService(ArticleConfig config, ImageService images, ArticleRepository articles, HttpConfig http,
            ImageConfig imageConfig) {
        this.config = config;
        this.images = images;
        this.articles = articles;
        this.http = http;
        this.imageConfig = imageConfig;
    }

    /** A card, and what it shows: the article and its lead image (for surrogate keys). */
    public record Embed(OEmbedView view, UUID articleId, UUID imageId) {
    }

    /** A thumbnail: an absolute rendition URL and the size of the picture it serves. */
    record Thumbnail(String url, int width, int height) {
    }

    /**
     * @param baseUri the API's base URI as the request reached it; {@code lede.public-url} wins over
     *        it, so that the thumbnail's URL is absolute either way (a consumer's page has another origin)
     */
    public Optional<Embed> embed(String url, Optional<Integer> maxWidth, Optional<Integer> maxHeight, String baseUri) {
        return articleAt(url).map(article -> {
            int width = Math.min(DEFAULT_WIDTH, maxWidth.orElse(DEFAULT_WIDTH));
            int height = Math.min(DEFAULT_HEIGHT, maxHeight.orElse(DEFAULT_HEIGHT));
            ImageView image = article.leadImageId == null ? null : images.views(java.util.List.of(article.leadImageId))
                    .get(article.leadImageId);
            Thumbnail thumbnail = image == null ? null
                    : thumbnail(image, maxWidth.orElse(Integer.MAX_VALUE), maxHeight.orElse(Integer.MAX_VALUE),
                            http.publicUrl().orElse(baseUri));
            String site = config.siteUrl().replaceAll("/+$", "");
            OEmbedView view = new OEmbedView("rich", "1.0", article.headline, article.byline, PROVIDER, site, CACHE_AGE_SECONDS,
                    card(url, article, thumbnail, image), width, height,
                    thumbnail == null ? null : thumbnail.url(),
                    thumbnail == null ? null : thumbnail.width(),
                    thumbnail == null ? null : thumbnail.height());
            return new Embed(view, article.id, article.leadImageId);
        });
    }

    /**
     * The largest rendition step ({@code lede.images.widths}) of at most {@value #THUMBNAIL_WIDTH}
     * pixels whose picture fits in maxwidth × maxheight (oEmbed 1.0: nothing larger than the
     * consumer asked for), or none when even the smallest step does not fit. Renditions are never
     * larger than the original, so a small original is shown at its own size.
     */
    Thumbnail thumbnail(ImageView image, int maxWidth, int maxHeight, String apiBase) {
        List<Integer> steps = imageConfig.widths().stream().sorted(Comparator.reverseOrder()).toList();
        for (int step : steps) {
            if (step > THUMBNAIL_WIDTH) {
                continue;
            }
            int width = Math.min(step, image.width());
            int height = (int) Math.max(1, Math.round(image.height() * (double) width / image.width()));
            if (width <= maxWidth && height <= maxHeight) {
                return new Thumbnail(ApiUrls.absolute(apiBase, image.contentUrl() + "?w=" + step), width, height);
            }
        }
        return null;
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
    private static String card(String url, Article article, Thumbnail thumbnail, ImageView image) {
        StringBuilder html = new StringBuilder("<blockquote class=\"lede-embed\" cite=\"").append(Html.escape(url)).append("\">");
        if (thumbnail != null) {
            html.append("<img src=\"").append(Html.escape(thumbnail.url())).append("\" width=\"").append(thumbnail.width())
                    .append("\" height=\"").append(thumbnail.height()).append("\" alt=\"")
                    .append(Html.escape(image.altText())).append("\" loading=\"lazy\">");
        }
        html.append("<p><a href=\"").append(Html.escape(url)).append("\">").append(Html.escape(article.headline)).append("</a></p>");
        if (article.standfirst != null) {
            html.append("<p>").append(Html.escape(article.standfirst)).append("</p>");
        }
        return html.append("</blockquote>").toString();
    }
}
