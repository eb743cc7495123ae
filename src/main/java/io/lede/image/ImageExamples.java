package io.lede.image;

/** Example bodies for the OpenAPI document. */
final class ImageExamples {

    private ImageExamples() {
    }

    static final String IMAGE = """
            {
              "id": "5f0c2a8e-4d7b-4c1a-9e1f-2b3c4d5e6f70",
              "caption": "The first ferry leaves the harbour of Marren after the storm.",
              "credit": "Lede/Mara Lind",
              "altText": "A white ferry passes the harbour wall under a grey sky.",
              "width": 4000,
              "height": 3000,
              "mimeType": "image/jpeg",
              "bytes": 3145728,
              "focalPoint": {"x": 0.4, "y": 0.55},
              "createdAt": "2026-11-24T07:40:00Z",
              "updatedAt": "2026-11-24T07:40:00Z",
              "version": 0,
              "contentUrl": "/v1/images/5f0c2a8e-4d7b-4c1a-9e1f-2b3c4d5e6f70/content",
              "renditions": {
                "thumb": "/v1/images/5f0c2a8e-4d7b-4c1a-9e1f-2b3c4d5e6f70/content?w=320",
                "small": "/v1/images/5f0c2a8e-4d7b-4c1a-9e1f-2b3c4d5e6f70/content?w=640",
                "medium": "/v1/images/5f0c2a8e-4d7b-4c1a-9e1f-2b3c4d5e6f70/content?w=1024",
                "large": "/v1/images/5f0c2a8e-4d7b-4c1a-9e1f-2b3c4d5e6f70/content?w=2048"
              }
            }
            """;

    static final String PATCH = """
            {"credit": "Emergency Service/AFP", "focalPoint": {"x": 0.3, "y": 0.5}}
            """;
}
