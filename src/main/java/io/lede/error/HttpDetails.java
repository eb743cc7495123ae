package io.lede.error;

/** Client-facing wording for failures the HTTP layer detects before any resource runs. */
final class HttpDetails {

    private HttpDetails() {
    }

    static String detailFor(int status) {
        return switch (status) {
            case 400 -> "The request is malformed";
            case 401 -> "This request needs a valid token";
            case 403 -> "This token's role may not do that";
            case 404 -> "There is nothing at this path";
            case 405 -> "This path does not support that method";
            case 406 -> "This resource cannot produce any of the media types in Accept";
            case 413 -> "The request body is larger than this endpoint accepts";
            case 415 -> "This endpoint does not accept that Content-Type";
            default -> "The request could not be processed";
        };
    }
}
