package io.lede.image;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.lede.cache.ContentKeySource;
import io.lede.cache.EntityChange;
import io.lede.cache.SurrogateKeys;

/**
 * What a change to an image invalidates: the image ({@code image-<id>}: its metadata, its files,
 * and every article, headline and feed that shows it) and the image lists.
 */
@ApplicationScoped
public class ImageKeys implements ContentKeySource {

    @Override
    public Set<Class<?>> entities() {
        return Set.of(Image.class);
    }

    @Override
    public void keys(EntityChange change, Set<String> keys) {
        keys.add(SurrogateKeys.key("image", change.id()));
        keys.add(SurrogateKeys.IMAGES);
    }
}
