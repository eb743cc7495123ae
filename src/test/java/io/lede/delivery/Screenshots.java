package io.lede.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/** Compares a screenshot with a committed reference, with a small tolerance for anti-aliasing. */
final class Screenshots {

    private static final Path REFERENCES = Path.of("src/test/resources/embed");
    /** A channel differing by more than this is a noticeable difference... */
    private static final int CHANNEL_TOLERANCE = 24;
    /** ...and at most this share of the pixels may have one. */
    private static final double PIXEL_SHARE = 0.01;

    private Screenshots() {
    }

    static void assertLooksLike(byte[] png, String reference) throws IOException {
        Path file = REFERENCES.resolve(reference);
        boolean update = Boolean.getBoolean("update-screenshots");
        if (update || !Files.exists(file)) {
            Files.createDirectories(REFERENCES);
            Files.write(file, png);
            if (!update) {
                fail("No reference screenshot " + file + ": written now; look at it and commit it");
            }
            return;
        }
        BufferedImage actual = ImageIO.read(new ByteArrayInputStream(png));
        BufferedImage expected = ImageIO.read(file.toFile());
        Path seen = Path.of("target", "screenshots", reference);
        Files.createDirectories(seen.getParent());
        Files.write(seen, png);
        assertEquals(expected.getWidth() + "x" + expected.getHeight(), actual.getWidth() + "x" + actual.getHeight(),
                "size differs from " + file + " (this run's picture: " + seen + ")");
        long differing = 0;
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                int a = expected.getRGB(x, y);
                int b = actual.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    if (Math.abs((a >> shift & 255) - (b >> shift & 255)) > CHANNEL_TOLERANCE) {
                        differing++;
                        break;
                    }
                }
            }
        }
        double share = differing / (double) (expected.getWidth() * expected.getHeight());
        assertTrue(share <= PIXEL_SHARE, String.format("%.2f%% of the pixels differ from %s (this run's picture: %s)",
                100 * share, file, seen));
    }
}
