package io.lede.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;

import org.junit.jupiter.api.Test;

/** What a rendition decodes: about twice its size, never more than the budget, whatever the original. */
class ImageCodecTest {

    private static final ImageDecoder.Size HUGE = new ImageDecoder.Size(7000, 7000);

    @Test
    void shouldDecodeLargeOriginalsSubsampledToAboutTwiceTheRendition() {
        assertEquals(10, ImageCodec.subsampling(HUGE, spec(320, null, ImageCodec.Fit.CONTAIN)));
        assertEquals(1, ImageCodec.subsampling(new ImageDecoder.Size(600, 400), spec(320, null, ImageCodec.Fit.CONTAIN)));
        // A cover crop of a wide strip needs more of the original than its width alone says.
        assertEquals(5, ImageCodec.subsampling(HUGE, spec(640, 107, ImageCodec.Fit.COVER)));
    }

    @Test
    void shouldNeverDecodeMoreThanTheBudget() {
        for (ImageCodec.Spec spec : new ImageCodec.Spec[] { spec(2048, null, ImageCodec.Fit.CONTAIN), spec(null, null, ImageCodec.Fit.CONTAIN),
                spec(2048, 20, ImageCodec.Fit.COVER), spec(null, 2048, ImageCodec.Fit.CONTAIN) }) {
            for (ImageDecoder.Size size : new ImageDecoder.Size[] { HUGE, new ImageDecoder.Size(1000, 50000), new ImageDecoder.Size(4000, 3000) }) {
                int factor = ImageCodec.subsampling(size, spec);
                long decoded = (long) Math.ceil(size.width() / (double) factor) * (long) Math.ceil(size.height() / (double) factor);
                assertTrue(decoded <= ImageCodec.MAX_DECODED_PIXELS, size + " " + spec + " decodes " + decoded + " pixels");
            }
        }
    }

    @Test
    void shouldDecodeOnlyWhatTheRenditionNeeds() throws IOException {
        byte[] photo = TestImages.photoJpeg(3200, 2400);
        ImageCodec.Spec spec = spec(160, null, ImageCodec.Fit.CONTAIN);
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(photo))) {
            BufferedImage decoded = ImageDecoder.decode(input, ImageFormat.JPEG, size -> ImageCodec.subsampling(size, spec), true);
            assertEquals("320x240", decoded.getWidth() + "x" + decoded.getHeight());
        }
    }

    private static ImageCodec.Spec spec(Integer width, Integer height, ImageCodec.Fit fit) {
        return new ImageCodec.Spec(width, height, fit, ImageFormat.JPEG);
    }
}
