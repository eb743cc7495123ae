package io.lede.entity;

/** Example bodies for the OpenAPI document. */
final class EntityExamples {

    private EntityExamples() {
    }

    static final String REQUEST = """
            {
              "type": "place",
              "name": "Hamburg",
              "uri": "http://www.wikidata.org/entity/Q1055",
              "description": "Port city on the Elbe in northern Germany",
              "sameAs": ["https://en.wikipedia.org/wiki/Hamburg"]
            }
            """;

    static final String PATCH = """
            {"description": "City state and Germany's largest port"}
            """;

    static final String ENTITY = """
            {
              "id": "5d0c3c0e-8f1a-4b8e-9d55-2f4a1c7e6b01",
              "type": "place",
              "name": "Hamburg",
              "uri": "http://www.wikidata.org/entity/Q1055",
              "description": "Port city on the Elbe in northern Germany",
              "sameAs": ["https://en.wikipedia.org/wiki/Hamburg"],
              "createdAt": "2026-11-24T08:15:00Z",
              "updatedAt": "2026-11-24T08:15:00Z",
              "version": 0
            }
            """;
}
