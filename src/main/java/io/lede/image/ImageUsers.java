package io.lede.image;

import java.util.List;
import java.util.UUID;

/**
 * Who uses images: articles (lead image, body) and live blogs' entries. They refer to images, never
 * the other way round, so each of those features implements this for the image feature, which
 * never imports them; the image feature asks all of them.
 */
public interface ImageUsers {

    /**
     * Slugs of the published or scheduled articles that use this image (lead or body), in order.
     * Articles being written that use it hold it locked (see {@link ImageService#missing}), so this
     * sees all of them.
     */
    List<String> liveUsersOf(UUID imageId);
}
