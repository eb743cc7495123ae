package io.lede.delivery;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEnclosureImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.io.WireFeedOutput;

import io.lede.article.Article;
import io.lede.article.ArticleMapper;
import io.lede.http.ApiUrls;
import io.lede.image.ImageView;
import io.lede.text.Html;

/** Writes the newest articles as RSS 2.0, Atom 1.0 (with ROME) or JSON Feed 1.1 (with Jackson). */
@ApplicationScoped
public class FeedWriter {

    /** The formats, by the extension of their URL. */
    public enum Format {
        RSS("rss_2.0", "application/rss+xml; charset=utf-8", "application/xml", "text/xml"),
        ATOM("atom_1.0", "application/atom+xml; charset=utf-8", "application/xml", "text/xml"),
        JSON(null, "application/feed+json; charset=utf-8", "application/json");

        final String romeType;
        final String mediaType;
        /** The generic types a feed also is: readers ask for those too, some for nothing else. */
        private final List<String> alsoServedAs;

        Format(String romeType, String mediaType, String... alsoServedAs) {
            this.romeType = romeType;
            this.mediaType = mediaType;
            this.alsoServedAs = List.of(alsoServedAs);
        }

        public String mediaType() {
            return mediaType;
        }

        /** The media types an Accept header may name to get this feed: its own, then the generic XML or JSON one it also is. */
        public List<String> acceptableAs() {
            List<String> types = new ArrayList<>();
            types.add(mediaType.split(";")[0]);
            types.addAll(alsoServedAs);
            return types;
        }

        static Format of(String extension) {
            return valueOf(extension.toUpperCase(Locale.ROOT));
        }
    }

    /** What every format says about the feed itself; URLs absolute. */
    record Channel(String title, String description, String homePage, String feedUrl, String language, String publisher) {
    }

    private final ArticleMapper articles;
    private final ObjectMapper objectMapper;

    public FeedWriter(ArticleMapper articles, ObjectMapper objectMapper) {
        this.articles = articles;
        this.objectMapper = objectMapper;
    }

    /** The feed document; {@code images} are the lead images by id, {@code absolute} makes API paths absolute. */
    byte[] write(Format format, Channel channel, List<Article> items, Map<UUID, ImageView> images, String apiBase) {
        return format == Format.JSON ? json(channel, items, images, apiBase) : rome(format, channel, items, images, apiBase);
    }

    private byte[] rome(Format format, Channel channel, List<Article> items, Map<UUID, ImageView> images, String apiBase) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(format.romeType);
        feed.setTitle(channel.title());
        feed.setDescription(channel.description());
        feed.setLink(channel.homePage());
        feed.setUri(channel.feedUrl());
        feed.setLanguage(channel.language());
        feed.setPublishedDate(items.isEmpty() ? null : Date.from(items.get(0).publishedAt));
        if (format == Format.ATOM) {
            // Atom wants a link to the feed itself, and an author for the feed when an entry has none.
            SyndLinkImpl self = new SyndLinkImpl();
            self.setRel("self");
            self.setType(format.mediaType.replaceAll(";.*", ""));
            self.setHref(channel.feedUrl());
            SyndLinkImpl alternate = new SyndLinkImpl();
            alternate.setRel("alternate");
            alternate.setType("text/html");
            alternate.setHref(channel.homePage());
            feed.setLinks(List.of(alternate, self));
            SyndPersonImpl publisher = new SyndPersonImpl();
            publisher.setName(channel.publisher());
            publisher.setUri(channel.homePage());
            feed.setAuthors(List.of(publisher));
        }
        List<SyndEntry> entries = new ArrayList<>();
        for (Article article : items) {
            SyndEntry entry = new SyndEntryImpl();
            entry.setTitle(article.headline);
            entry.setLink(articles.urlOf(article));
            entry.setUri("urn:uuid:" + article.id);
            entry.setPublishedDate(Date.from(article.publishedAt));
            entry.setUpdatedDate(Date.from(article.updatedAt));
            if (article.byline != null && !article.byline.isBlank()) {
                SyndPersonImpl author = new SyndPersonImpl();
                author.setName(article.byline);
                entry.setAuthors(List.of(author));
                entry.setAuthor(article.byline);
            }
            entry.setDescription(summary(format, article.standfirst != null ? article.standfirst : firstParagraph(article)));
            ImageView image = images.get(article.leadImageId);
            if (image != null) {
                SyndEnclosureImpl enclosure = new SyndEnclosureImpl();
                enclosure.setUrl(ApiUrls.absolute(apiBase, image.displayUrl()));
                enclosure.setType(image.mimeType().equals("image/gif") ? "image/png" : image.mimeType());
                enclosure.setLength(0);
                entry.setEnclosures(List.of(enclosure));
            }
            entries.add(entry);
        }
        feed.setEntries(entries);
        try {
            StringWriter out = new StringWriter();
            WireFeed wire = feed.createWireFeed();
            if (wire instanceof com.rometools.rome.feed.atom.Feed atom) {
                // ROME gives an entry without authors an author without a name; the feed's author stands for it instead.
                atom.getEntries().forEach(entry -> entry.setAuthors(entry.getAuthors().stream()
                        .filter(person -> person.getName() != null && !person.getName().isBlank()).toList()));
            }
            new WireFeedOutput().output(wire, out);
            return out.toString().getBytes(StandardCharsets.UTF_8);
        } catch (FeedException | java.io.IOException e) {
            throw new IllegalStateException("The feed could not be written", e);
        }
    }

    private byte[] json(Channel channel, List<Article> items, Map<UUID, ImageView> images, String apiBase) {
        List<JsonFeed.Item> entries = items.stream().map(article -> {
            ImageView image = images.get(article.leadImageId);
            return new JsonFeed.Item(article.id.toString(), articles.urlOf(article), article.headline,
                    article.standfirst, article.bodyText,
                    image == null ? null : ApiUrls.absolute(apiBase, image.displayUrl()),
                    article.publishedAt, article.updatedAt,
                    article.byline == null ? null : List.of(new JsonFeed.Author(article.byline)),
                    article.tags.isEmpty() ? null : List.copyOf(article.tags), article.language);
        }).toList();
        try {
            return objectMapper.writeValueAsBytes(new JsonFeed(JsonFeed.VERSION, channel.title(), channel.homePage(),
                    channel.feedUrl(), channel.description(), channel.language(), entries));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The feed could not be written", e);
        }
    }

    /**
     * The entry's summary. RSS readers take {@code <description>} as HTML, so the plain text goes
     * HTML-escaped ({@code <b>&} shows as typed, not bold); Atom says {@code type="text"} instead.
     */
    private static SyndContentImpl summary(Format format, String text) {
        SyndContentImpl summary = new SyndContentImpl();
        if (format == Format.RSS) {
            summary.setType("text/html");
            summary.setValue(Html.escape(text));
        } else {
            summary.setType("text");
            summary.setValue(text);
        }
        return summary;
    }

    private static String firstParagraph(Article article) {
        String text = article.bodyText == null ? "" : article.bodyText;
        int end = text.indexOf("\n\n");
        return end < 0 ? text : text.substring(0, end);
    }
}
