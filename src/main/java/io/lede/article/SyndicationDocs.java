package io.lede.article;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How the OpenAPI document describes {@code format=ninjs} and {@code format=jsonld}: loosely, as the
 * standards' own schemas define them in full (IPTC's ninjs 3.1 JSON Schema, schema.org). Examples
 * are demo text written for Lede.
 */
final class SyndicationDocs {

    private SyndicationDocs() {
    }

    static final String JSON_LD_DESCRIPTION = "schema.org NewsArticle (LiveBlogPosting for live blogs) in JSON-LD; "
            + "a list is an ItemList with the same next link as other lists";

    /** Enough of a ninjs item to tell it from Lede's own article shape; the rest is IPTC's. */
    @Schema(name = "NinjsItem", description = "An IPTC ninjs 3.1 news item (format=ninjs); valid against "
            + "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json, which defines every property", additionalProperties = Object.class)
    record NinjsItem(
            @Schema(required = true, description = "urn:uuid: and the article id; never changes") String uri,
            @Schema(required = true, enumeration = "text") String type,
            @Schema(required = true, enumeration = { "usable", "withheld", "canceled" }) String pubStatus,
            @Schema(required = true, description = "The article's version") String version) {
    }

    /** A page is either shape (an empty page is both), hence anyOf with Lede's own page. */
    @Schema(name = "NinjsPage", description = "A page of ninjs items (format=ninjs)")
    record NinjsPage(
            @Schema(required = true, maxItems = 100) List<NinjsItem> items,
            @Schema(required = true, nullable = true, description = "Relative URL of the next page; null on the last") String next,
            @Schema(required = true, nullable = true, maxLength = 1000,
                    description = "The cursor of the next page, to send as cursor= with the same parameters; null on the last") String cursor,
            @Schema(description = "Number of matching articles; only with count=true") Long total) {
    }

    static final String NINJS = """
            {
              "uri": "urn:uuid:0b9f8a52-7c1e-4d2b-9a41-3f6f2f1c9e10",
              "type": "text",
              "standard": {"name": "ninjs", "version": "3.1", "schema": "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json"},
              "version": "3",
              "firstCreated": "2026-11-24T08:15:00Z",
              "versionCreated": "2026-11-24T09:02:11Z",
              "pubStatus": "usable",
              "language": "en",
              "slugline": "harbour-reopens-after-three-days-of-storms",
              "headlines": [{"role": "main", "value": "Harbour reopens after three days of storms"}],
              "descriptions": [{"role": "summary", "value": "Ferries resume at noon; port officials expect delays until the weekend."}],
              "bodies": [
                {"role": "main", "contentType": "text/plain", "value": "The first ferry left the harbour at noon."},
                {"role": "richtext", "contentType": "text/html", "value": "<p>The first ferry left the harbour at noon.</p>"}
              ],
              "by": "Mara Lind",
              "located": "Bergen",
              "places": [{"name": "Bergen", "rel": "about", "uri": "http://www.wikidata.org/entity/Q26793"}],
              "subjects": [{"name": "weather", "rel": "about", "uri": "http://cv.iptc.org/newscodes/mediatopic/17000000"},
                           {"name": "transport", "rel": "tag"}],
              "renditions": [{"name": "web", "href": "https://news.example.org/world/harbour-reopens-after-three-days-of-storms", "contentType": "text/html"}],
              "associations": [
                {"name": "leadImage", "rel": "leadImage", "uri": "urn:uuid:5f0c2a8e-4d7b-4c1a-9e1f-2b3c4d5e6f70", "type": "picture",
                 "version": "1", "descriptions": [{"role": "caption", "value": "The first ferry leaves at noon"}],
                 "by": "Ines Berg", "copyrightNotice": "(c) 2026 Lede", "infoSources": [{"name": "Lede/Ines Berg", "role": "creditline"}],
                 "renditions": [{"name": "original", "href": "https://api.example.org/v1/images/5f0c2a8e-4d7b-4c1a-9e1f-2b3c4d5e6f70/content",
                                 "contentType": "image/jpeg", "width": 3000, "height": 2000, "sizeInBytes": 1843200}]},
                {"name": "quote-1", "rel": "quote", "uri": "urn:uuid:a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d", "type": "text", "version": "0",
                 "language": "en", "bodies": [{"role": "main", "contentType": "text/plain", "value": "We expect delays until the weekend."}],
                 "by": "Jonas Vik, harbour master", "people": [{"name": "Jonas Vik", "rel": "speaker"}]}
              ]
            }
            """;

    static final String NINJS_PAGE = """
            {"items": [{"uri": "urn:uuid:0b9f8a52-7c1e-4d2b-9a41-3f6f2f1c9e10", "type": "text", "version": "3", "pubStatus": "usable",
                        "headlines": [{"role": "main", "value": "Harbour reopens after three days of storms"}]}],
             "next": "/v1/articles?format=ninjs&cursor=eyJ0IjoiMjAyNi0xMS0yNFQwODoxNTowMFoifQ",
             "cursor": "eyJ0IjoiMjAyNi0xMS0yNFQwODoxNTowMFoifQ"}
            """;

    static final String JSON_LD = """
            {
              "@context": "https://schema.org",
              "@type": "NewsArticle",
              "@id": "https://news.example.org/world/harbour-reopens-after-three-days-of-storms",
              "url": "https://news.example.org/world/harbour-reopens-after-three-days-of-storms",
              "identifier": "0b9f8a52-7c1e-4d2b-9a41-3f6f2f1c9e10",
              "headline": "Harbour reopens after three days of storms",
              "description": "Ferries resume at noon; port officials expect delays until the weekend.",
              "datePublished": "2026-11-24T08:15:00Z",
              "dateModified": "2026-11-24T09:02:11Z",
              "inLanguage": "en",
              "articleSection": "world",
              "dateline": "Bergen",
              "author": [{"@type": "Person", "name": "Mara Lind"}],
              "about": [{"@type": "Place", "name": "Bergen", "sameAs": ["http://www.wikidata.org/entity/Q26793"]}],
              "correction": [{"@type": "CorrectionComment", "name": "Correction", "datePublished": "2026-11-24T09:02:11Z",
                              "text": "An earlier version gave the wrong time for the first departure."}],
              "image": [{"@type": "ImageObject", "contentUrl": "https://api.example.org/v1/images/5f0c2a8e-4d7b-4c1a-9e1f-2b3c4d5e6f70/content",
                         "width": 3000, "height": 2000, "creditText": "Lede/Ines Berg", "copyrightNotice": "(c) 2026 Lede",
                         "creator": {"@type": "Person", "name": "Ines Berg"}}],
              "citation": [{"@type": "Quotation", "text": "We expect delays until the weekend.",
                            "creator": {"@type": "Person", "name": "Jonas Vik", "jobTitle": "harbour master"}}]
            }
            """;

    static final String JSON_LD_PAGE = """
            {"@context": "https://schema.org", "@type": "ItemList",
             "itemListElement": [{"@type": "NewsArticle", "headline": "Harbour reopens after three days of storms",
                                  "url": "https://news.example.org/world/harbour-reopens-after-three-days-of-storms"}],
             "next": "/v1/articles?format=jsonld&cursor=eyJ0IjoiMjAyNi0xMS0yNFQwODoxNTowMFoifQ"}
            """;
}
