package io.lede.demo;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import javax.imageio.ImageIO;

import io.lede.article.Article;
import io.lede.article.ArticleRequest;
import io.lede.article.ArticleService;
import io.lede.article.ArticleStatus;
import io.lede.article.ArticleView;
import io.lede.article.BodyBlock;
import io.lede.article.Contributor;
import io.lede.article.CorrectionRequest;
import io.lede.article.CorrectionView;
import io.lede.article.EntityLink;
import io.lede.article.LiveCoverage;
import io.lede.article.LiveStatus;
import io.lede.entity.EntityRequest;
import io.lede.entity.EntityService;
import io.lede.entity.EntityType;
import io.lede.entity.EntityUris;
import io.lede.http.IfMatch;
import io.lede.image.FocalPoint;
import io.lede.image.ImageMetadata;
import io.lede.image.ImageService;
import io.lede.live.EntryRequest;
import io.lede.live.EntryService;
import io.lede.quote.QuoteRequest;
import io.lede.quote.QuoteService;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/**
 * Dev mode starts with a few stories, so that every endpoint has something to show. All of it is
 * invented for Lede: the places, people and events do not exist. The entities the stories link are
 * real (Wikidata and IPTC Media Topic ids), so syndication formats carry ids a partner can resolve.
 */
@ApplicationScoped
@IfBuildProfile("dev")
public class DemoContent {

    private final ArticleService articles;
    private final QuoteService quotes;
    private final ImageService images;
    private final EntryService entries;
    private final EntityService entities;

    public DemoContent(ArticleService articles, QuoteService quotes, ImageService images, EntryService entries,
            EntityService entities) {
        this.entities = entities;
        this.articles = articles;
        this.quotes = quotes;
        this.images = images;
        this.entries = entries;
    }

    void seed(@Observes StartupEvent event) throws IOException {
        if (Article.count() > 0) {
            return;
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        UUID harbourMaster = quote("Ilse Marren", "harbour master",
                "We open the berths one by one; nobody sails until the divers have checked the hull of every ferry.",
                now.minus(5, ChronoUnit.HOURS), "at a briefing on the quay", "en");
        UUID captain = quote("Oskar Vint", "ferry captain",
                "Three days of waiting is nothing. The sea decides the timetable, not us.",
                now.minus(4, ChronoUnit.HOURS), "before the first departure", "en");
        UUID harbourMasterAgain = quote("ilse  marren", "port director",
                "By Saturday every line should run on its normal schedule.",
                now.minus(3, ChronoUnit.HOURS), "in a statement to the press", "en");
        UUID councillor = quote("Tove Aalto", "councillor",
                "People who clean our hospitals at night deserve a bus home.",
                now.minus(26, ChronoUnit.HOURS), "during the council debate", "en");
        UUID scientist = quote("Amara Okonkwo", "chief scientist of the survey",
                "Every core we brought back is a page of the ocean's diary.",
                now.minus(50, ChronoUnit.HOURS), "on the deck of the Halvard", "en");
        UUID scientistAgain = quote("Amara Okonkwo", "chief scientist of the survey",
                "We named nothing yet. Naming a species takes longer than finding it.",
                now.minus(49, ChronoUnit.HOURS), null, "en");
        UUID ferry = picture(DemoPictures.harbour(1600, 1000), "jpeg",
                "The first ferry leaves Marren after three days of storms.", "Lede/Demo Desk",
                "A white ferry on a grey sea under a stormy sky.", new FocalPoint(0.5f, 0.55f));
        UUID comet = picture(DemoPictures.comet(1200, 800), "png",
                "Komet Lindqvist, wie er im Dezember zu sehen sein soll (Illustration).", "Lede/Grafik",
                "A bright comet with a pale tail over a starry sky.", new FocalPoint(0.66f, 0.35f));
        UUID weather = entity(EntityType.TOPIC, "weather", EntityUris.MEDIA_TOPIC + "17000000", "IPTC Media Topic: weather");
        UUID politics = entity(EntityType.TOPIC, "politics", EntityUris.MEDIA_TOPIC + "11000000", "IPTC Media Topic: politics");
        UUID science = entity(EntityType.TOPIC, "science and technology", EntityUris.MEDIA_TOPIC + "13000000",
                "IPTC Media Topic: science and technology");
        UUID environment = entity(EntityType.TOPIC, "environment", EntityUris.MEDIA_TOPIC + "06000000", "IPTC Media Topic: environment");
        UUID hamburg = entity(EntityType.PLACE, "Hamburg", EntityUris.WIKIDATA + "Q1055", "Port city on the Elbe in northern Germany");
        UUID germany = entity(EntityType.PLACE, "Germany", EntityUris.WIKIDATA + "Q183", "Country in central Europe");
        ArticleView harbour = articles.create(withEntities(story("Harbour of Marren reopens after three days of storms",
                "Ferries sail again from noon; the port expects delays until the weekend.", "world", "en",
                List.of("weather", "transport"), "Marren", ArticleStatus.PUBLISHED, now.minus(3, ChronoUnit.HOURS), null,
                new BodyBlock.Image(ferry),
                new BodyBlock.Paragraph("The first ferry left Marren at noon on Tuesday, watched by a small crowd on the quay "
                        + "that had waited since the weekend for the wind to drop."),
                new BodyBlock.Quote(harbourMaster),
                new BodyBlock.Paragraph("Port officials said two of the four berths were usable and that crews would "
                        + "work through the night to clear the others."),
                new BodyBlock.Quote(captain),
                new BodyBlock.Heading("What changes for travellers"),
                new BodyBlock.Paragraph("Timetables are published on [the port's site](https://port.example.org/marren) "
                        + "and will change daily until the weekend. Freight bound for Hamburg leaves first."),
                new BodyBlock.Quote(harbourMasterAgain)),
                List.of(new EntityLink(weather, EntityLink.Rel.ABOUT, null), new EntityLink(hamburg, EntityLink.Rel.MENTIONS, null)),
                List.of(new Contributor("Mara Lindqvist", Contributor.Role.AUTHOR, null),
                        new Contributor("Jonas Feld", Contributor.Role.PHOTOGRAPHER, null))));
        articles.correct(harbour.id(), new CorrectionRequest(CorrectionView.Kind.CORRECTION,
                "An earlier version said the first ferry left at eleven; it left at noon."), IfMatch.optional(null));
        articles.create(story("Hafen von Marren nach drei Sturmtagen wieder offen",
                "Die Fähren fahren ab Mittag; bis zum Wochenende ist mit Verspätungen zu rechnen.", "world", "de",
                List.of("wetter", "verkehr"), "Marren", ArticleStatus.PUBLISHED, now.minus(2, ChronoUnit.HOURS),
                UUID.fromString(harbour.id()),
                new BodyBlock.Paragraph("Die erste Fähre verließ Marren am Dienstag um zwölf Uhr, begleitet von einer "
                        + "kleinen Menge am Kai."),
                new BodyBlock.Paragraph("Zwei der vier Anleger seien nutzbar, teilte die Hafenverwaltung mit.")));
        articles.create(withEntities(story("Council in Tessaly votes to keep night buses",
                "A late amendment saved three routes that were due to close in January.", "world", "en",
                List.of("transport", "local-politics"), "Tessaly", ArticleStatus.PUBLISHED, now.minus(1, ChronoUnit.DAYS), null,
                new BodyBlock.Paragraph("The council voted 23 to 19 on Monday evening to fund the night routes for another year."),
                new BodyBlock.Quote(councillor),
                new BodyBlock.Paragraph("Shift workers had collected more than four thousand signatures in a month.")),
                List.of(new EntityLink(politics, EntityLink.Rel.ABOUT, null)),
                List.of(new Contributor("Tove Brandt", Contributor.Role.AUTHOR, null))));
        articles.create(withEntities(story("Research ship returns with a year of deep-sea samples",
                "The crew of the Halvard logged 212 dives and two species new to the survey.", "science", "en",
                List.of("oceans", "research"), "Port Alder", ArticleStatus.PUBLISHED, now.minus(2, ChronoUnit.DAYS), null,
                new BodyBlock.Paragraph("After fourteen months at sea the Halvard docked with freezers full of sediment cores."),
                new BodyBlock.Quote(scientist),
                new BodyBlock.Heading("Two newcomers"),
                new BodyBlock.Paragraph("Among the finds are a pale sea cucumber and a tube worm the team has not yet named."),
                new BodyBlock.Quote(scientistAgain),
                new BodyBlock.Embed("https://video.example.org/halvard-dives")),
                List.of(new EntityLink(science, EntityLink.Rel.ABOUT, null), new EntityLink(environment, EntityLink.Rel.ABOUT, null)),
                List.of(new Contributor("Mara Lindqvist", Contributor.Role.AUTHOR, null))));
        articles.create(withEntities(story("Komet Lindqvist wird im Dezember mit bloßem Auge sichtbar",
                "Astronominnen erwarten die größte Helligkeit in der zweiten Dezemberwoche.", "science", "de",
                List.of("astronomie"), null, ArticleStatus.PUBLISHED, now.minus(5, ChronoUnit.HOURS), null,
                new BodyBlock.Image(comet),
                new BodyBlock.Paragraph("Der Komet nähert sich der Sonne schneller als zunächst berechnet; auch in "
                        + "Deutschland soll er bei klarem Himmel zu sehen sein.")),
                List.of(new EntityLink(science, EntityLink.Rel.ABOUT, null), new EntityLink(germany, EntityLink.Rel.MENTIONS, null)),
                List.of(new Contributor("Jonas Feld", Contributor.Role.AUTHOR, null),
                        new Contributor("Mara Lindqvist", Contributor.Role.TRANSLATOR, null))));
        articles.create(story("Draft: budget talks enter their final week",
                "Not yet published: editors see it with a token.", "world", "en", List.of("economy"), null,
                ArticleStatus.DRAFT, null, null,
                new BodyBlock.Paragraph("Negotiators meet again on Thursday.")));
        articles.create(story("Observatory opens its doors for the meteor shower",
                "Scheduled: goes live by itself ten minutes after dev mode starts.", "science", "en",
                List.of("astronomy"), null, ArticleStatus.SCHEDULED, now.plus(10, ChronoUnit.MINUTES), null,
                new BodyBlock.Paragraph("The dome opens at nine; bring warm clothes.")));
        liveBlog(now, ferry, captain, weather);
        Log.info("Dev mode: added demo articles, quotes, entities, a correction and a live blog (admin token: see lede.bootstrap-admin-token)");
    }

    /** A live blog still being updated: GET /v1/articles/marren-ferries-live/entries, and .../live for the stream. */
    private void liveBlog(Instant now, UUID ferry, UUID captain, UUID weather) {
        ArticleRequest request = new ArticleRequest("marren-ferries-live", "Marren ferries: the first day back, live",
                "Updates as the port of Marren reopens berth by berth.", List.of(new BodyBlock.Paragraph(
                        "Follow the reopening of the port here; the newest update is on top.")),
                "Lede demo desk", "world", List.of("transport", "weather"), "en", null, ArticleStatus.PUBLISHED,
                now.minus(4, ChronoUnit.HOURS), ferry, "Marren", "Lede",
                List.of(new EntityLink(weather, EntityLink.Rel.ABOUT, null)), List.of(new Contributor("Jonas Feld", Contributor.Role.AUTHOR, null)),
                new LiveCoverage(LiveStatus.LIVE, now.minus(4, ChronoUnit.HOURS), null));
        String blog = articles.create(request).id();
        entry(blog, now.minus(230, ChronoUnit.MINUTES), "Divers go down", false,
                new BodyBlock.Paragraph("Two diving teams started checking the hulls at berths one and two at first light."));
        entry(blog, now.minus(180, ChronoUnit.MINUTES), "First ferry leaves", true,
                new BodyBlock.Image(ferry),
                new BodyBlock.Paragraph("The noon ferry to Skarvik cast off eleven minutes late, with 140 passengers on board."),
                new BodyBlock.Quote(captain));
        entry(blog, now.minus(95, ChronoUnit.MINUTES), null, false,
                new BodyBlock.Paragraph("Queues at the ticket hall have shortened; staff are handing out tea on the quay."));
        entry(blog, now.minus(40, ChronoUnit.MINUTES), "Berth three reopens", true,
                new BodyBlock.Paragraph("The port says berth three is clear. The evening crossings will run from there."));
        entry(blog, now.minus(10, ChronoUnit.MINUTES), null, false,
                new BodyBlock.Paragraph("Wind at the harbour mouth is down to 18 knots, according to the "
                        + "[coast station](https://weather.example.org/marren)."));
    }

    private void entry(String blog, Instant at, String title, boolean keyEvent, BodyBlock... body) {
        entries.create(blog, new EntryRequest(title, List.of(body), keyEvent, false, at));
    }

    private UUID picture(BufferedImage image, String format, String caption, String credit, String altText,
            FocalPoint focus) throws IOException {
        Path file = Files.createTempFile("lede-demo", "." + format);
        try {
            ImageIO.write(image, format, file.toFile());
            return UUID.fromString(images.upload(file, Files.size(file), new ImageMetadata(caption, credit, altText, null, null, focus)).id());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private UUID entity(EntityType type, String name, String uri, String description) {
        return UUID.fromString(entities.create(new EntityRequest(type, name, uri, description, List.of())).id());
    }

    private static ArticleRequest withEntities(ArticleRequest story, List<EntityLink> links, List<Contributor> contributors) {
        return new ArticleRequest(story.slug(), story.headline(), story.standfirst(), story.body(), story.byline(), story.section(),
                story.tags(), story.language(), story.translationOf(), story.status(), story.publishedAt(), story.leadImage(),
                story.location(), story.source(), links, contributors, story.live());
    }

    private UUID quote(String speaker, String role, String text, Instant saidAt, String context, String language) {
        return UUID.fromString(quotes.create(new QuoteRequest(text, new QuoteRequest.Speaker(speaker, role, null), null, saidAt,
                context, language)).id());
    }

    private static ArticleRequest story(String headline, String standfirst, String section, String language,
            List<String> tags, String location, ArticleStatus status, Instant publishedAt, UUID translationOf,
            BodyBlock... body) {
        UUID lead = Arrays.stream(body).filter(BodyBlock.Image.class::isInstance)
                .map(block -> ((BodyBlock.Image) block).imageId()).findFirst().orElse(null);
        return new ArticleRequest(null, headline, standfirst, List.of(body), "Lede demo desk", section, tags, language,
                translationOf, status, publishedAt, lead, location, "Lede", null, null, null);
    }
}
