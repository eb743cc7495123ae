package io.lede.webhook;

/** Examples for the OpenAPI document (invented values). */
final class WebhookExamples {

    private WebhookExamples() {
    }

    static final String REQUEST = """
            {"url": "https://partner.example/hooks/lede", "events": ["article.published", "article.updated"],
             "description": "Partner: Morning Post"}""";

    static final String PATCH = """
            {"events": ["article.published", "article.unpublished"], "disabled": false}""";

    static final String PAYLOAD = """
            {"type": "article.published", "timestamp": "2026-11-24T08:15:00.120Z",
             "data": {"id": "0b7f3c1e-5d2a-4e8b-9c61-2f4a8d7e3b90", "version": 3,
                      "url": "https://api.example/v1/articles/0b7f3c1e-5d2a-4e8b-9c61-2f4a8d7e3b90",
                      "surrogateKeys": ["sync", "article-0b7f3c1e-5d2a-4e8b-9c61-2f4a8d7e3b90", "search", "section-world"]}}""";
}
