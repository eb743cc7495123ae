package io.lede.http;

/**
 * URLs the API hands out inside documents that leave it (feeds, oEmbed cards, syndication formats):
 * they must be absolute there, while responses keep image URLs relative unless
 * {@code lede.public-url} is set.
 */
public final class ApiUrls {

    private ApiUrls() {
    }

    /** An API path made absolute against the API's base URL; absolute URLs (and null) stay as they are. */
    public static String absolute(String apiBase, String url) {
        if (url == null || url.startsWith("http://") || url.startsWith("https://")) {
            return url;
        }
        return apiBase.replaceAll("/+$", "") + (url.startsWith("/") ? url : "/" + url);
    }
}
