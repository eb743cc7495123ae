package io.lede.quote;

/** Example bodies for the OpenAPI document. Invented people and places. */
final class QuoteExamples {

    private QuoteExamples() {
    }

    static final String REQUEST = """
            {
              "text": "We will reopen the harbour as soon as the wind allows, not an hour later.",
              "speaker": {"name": "Ilse Marren", "role": "harbour master"},
              "articleId": "0b9f8a52-7c1e-4d2b-9a41-3f6f2f1c9e10",
              "saidAt": "2026-11-23T17:30:00Z",
              "context": "at a press briefing on the quay",
              "language": "en"
            }
            """;

    static final String PATCH = """
            {"context": "at the evening press briefing", "speaker": {"name": "Ilse Marren", "role": "port director"}}
            """;

    static final String QUOTE = """
            {
              "id": "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d",
              "text": "We will reopen the harbour as soon as the wind allows, not an hour later.",
              "speaker": {"id": "3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f", "name": "Ilse Marren", "role": "harbour master"},
              "articleId": "0b9f8a52-7c1e-4d2b-9a41-3f6f2f1c9e10",
              "saidAt": "2026-11-23T17:30:00Z",
              "context": "at a press briefing on the quay",
              "language": "en",
              "createdAt": "2026-11-24T07:55:00Z",
              "updatedAt": "2026-11-24T07:55:00Z",
              "version": 0
            }
            """;

    static final String SPEAKER = """
            {
              "id": "3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
              "name": "Ilse Marren",
              "role": "port director",
              "quoteCount": 3,
              "latestQuoteAt": "2026-11-24T09:00:00Z",
              "roles": ["port director", "harbour master"]
            }
            """;
}
