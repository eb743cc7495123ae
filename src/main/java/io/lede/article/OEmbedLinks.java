package io.lede.article;

import java.net.URI;

import jakarta.ws.rs.core.UriInfo;

/** oEmbed discovery: the Link an article response carries to its /v1/oembed card. */
public final class OEmbedLinks {

    private OEmbedLinks() {
    }

    public static String discovery(UriInfo uriInfo, String articleUrl) {
        URI endpoint = uriInfo.getBaseUriBuilder().path("v1/oembed").queryParam("url", articleUrl)
                .queryParam("format", "json").build();
        return "<" + endpoint.getRawPath() + "?" + endpoint.getRawQuery() + ">; rel=\"alternate\"; type=\"application/json+oembed\"";
    }
}
