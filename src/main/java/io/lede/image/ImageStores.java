package io.lede.image;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

import io.quarkus.logging.Log;

/** The {@link ImageStore} that {@code lede.images.store} names, chosen when the service starts. */
@ApplicationScoped
public class ImageStores {

    @Produces
    @ApplicationScoped
    ImageStore imageStore(ImageConfig images) {
        return switch (images.store()) {
            case LOCAL -> {
                Log.infof("Image originals on the local disk under %s", images.dir());
                yield new LocalImageStore(images);
            }
            case S3 -> {
                Log.infof("Image originals in S3 bucket %s%s", images.s3().bucket(),
                        images.s3().endpoint().map(endpoint -> " at " + endpoint).orElse(""));
                yield new S3ImageStore(images.s3());
            }
        };
    }

    void close(@Disposes ImageStore store) throws Exception {
        if (store instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
