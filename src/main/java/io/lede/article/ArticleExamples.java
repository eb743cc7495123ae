package io.lede.article;

/** Example bodies for the OpenAPI document, kept in one place. Demo text written for Lede. */
final class ArticleExamples {

    private ArticleExamples() {
    }

    static final String REQUEST = """
            {
              "headline": "Harbour reopens after three days of storms",
              "standfirst": "Ferries resume at noon; port officials expect delays until the weekend.",
              "section": "world",
              "language": "en",
              "tags": ["weather", "transport"],
              "byline": "Mara Lind",
              "location": "Bergen",
              "source": "Lede",
              "status": "published",
              "body": [
                {"type": "paragraph", "text": "The first ferry left the harbour at noon, cheered by a small crowd on the quay."},
                {"type": "heading", "text": "What changes for travellers"},
                {"type": "paragraph", "text": "Timetables are on [the port's site](https://port.example.org/timetable)."},
                {"type": "image", "imageId": "5f0c2a8e-4d7b-4c1a-9e1f-2b3c4d5e6f70"},
                {"type": "quote", "quoteId": "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d"},
                {"type": "embed", "url": "https://video.example.org/watch/harbour"}
              ]
            }
            """;

    static final String PATCH = """
            {"standfirst": "Ferries resume at noon after the storm.", "tags": ["weather"]}
            """;

    static final String ARTICLE = """
            {
              "id": "0b9f8a52-7c1e-4d2b-9a41-3f6f2f1c9e10",
              "slug": "harbour-reopens-after-three-days-of-storms",
              "url": "https://news.example.com/world/harbour-reopens-after-three-days-of-storms",
              "headline": "Harbour reopens after three days of storms",
              "standfirst": "Ferries resume at noon; port officials expect delays until the weekend.",
              "body": [
                {"type": "paragraph", "text": "The first ferry left the harbour at noon, cheered by a small crowd on the quay."}
              ],
              "bodyText": "The first ferry left the harbour at noon, cheered by a small crowd on the quay.",
              "byline": "Mara Lind",
              "section": "world",
              "tags": ["weather", "transport"],
              "language": "en",
              "translations": [{"language": "de", "id": "6d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6", "slug": "hafen-wieder-offen"}],
              "status": "published",
              "publishedAt": "2026-11-24T08:15:00Z",
              "updatedAt": "2026-11-24T08:15:00Z",
              "createdAt": "2026-11-24T07:50:12.345Z",
              "version": 1,
              "location": "Bergen",
              "source": "Lede"
            }
            """;
}
