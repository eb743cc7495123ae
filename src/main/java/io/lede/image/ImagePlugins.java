package io.lede.image;

import javax.imageio.ImageIO;

/** ImageIO set up once for every class that reads or writes pictures. */
final class ImagePlugins {

    static {
        // Plugins (WebP) come from the application's class loader, which ImageIO does not scan by itself.
        ImageIO.scanForPlugins();
        // Decode and encode in memory: ImageIO's default file cache registers a JVM shutdown hook per
        // stream, which fails while the service shuts down and would turn an in-flight rendition into a 500.
        ImageIO.setUseCache(false);
    }

    private ImagePlugins() {
    }

    /** Runs the set-up above, the first time only. */
    static void load() {
        // Class initialisation does the work.
    }
}
