package io.lede.live;

/** Example bodies and streams for the OpenAPI document, kept in one place. Demo text written for Lede. */
final class LiveExamples {

    private LiveExamples() {
    }

    static final String REQUEST = """
            {
              "title": "Second ferry leaves",
              "body": [
                {"type": "paragraph", "text": "The afternoon ferry to Skarvik left on time, half full."},
                {"type": "quote", "quoteId": "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d"}
              ],
              "keyEvent": true
            }
            """;

    static final String PATCH = """
            {"pinned": true}
            """;

    static final String ENTRY = """
            {
              "id": "3f2a9c4e-1b7d-4e8f-a0c2-5d6e7f8091a2",
              "title": "Second ferry leaves",
              "body": [
                {"type": "paragraph", "text": "The afternoon ferry to Skarvik left on time, half full."}
              ],
              "keyEvent": true,
              "pinned": false,
              "publishedAt": "2026-11-24T14:05:00Z",
              "updatedAt": "2026-11-24T14:05:00Z",
              "version": 0
            }
            """;

    /** One event as the document's schema describes it; on the wire: {@code id:42}, {@code event:...}, {@code data:{...}}. */
    static final String CREATED_EVENT = """
            {
              "id": "42",
              "event": "entry.created",
              "data": {
                "id": "3f2a9c4e-1b7d-4e8f-a0c2-5d6e7f8091a2",
                "title": "Second ferry leaves",
                "body": [{"type": "paragraph", "text": "The afternoon ferry to Skarvik left on time, half full."}],
                "keyEvent": true,
                "pinned": false,
                "publishedAt": "2026-11-24T14:05:00Z",
                "updatedAt": "2026-11-24T14:05:00Z",
                "version": 0
              }
            }
            """;

    static final String DELETED_EVENT = """
            {"id": "43", "event": "entry.deleted", "data": {"id": "3f2a9c4e-1b7d-4e8f-a0c2-5d6e7f8091a2"}}
            """;

    static final String ARTICLE_EVENT = """
            {
              "id": "44",
              "event": "article.updated",
              "data": {
                "id": "0b9f8a52-7c1e-4d2b-9a41-3f6f2f1c9e10",
                "version": 7,
                "updatedAt": "2026-11-24T18:00:00Z",
                "status": "published",
                "live": {"status": "ended", "startedAt": "2026-11-24T08:00:00Z", "endedAt": "2026-11-24T18:00:00Z"}
              }
            }
            """;
}
