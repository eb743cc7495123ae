package io.lede.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import net.coobird.thumbnailator.Thumbnails;

/**
 * Renditions: the original decoded at about twice the size asked for (never all of a large original's
 * pixels, see {@link ImageDecoder}), resized, and encoded. Encoding writes pixels only, so no EXIF
 * (and no GPS position) survives into a rendition.
 */
final class ImageCodec {

    /** What a rendition request asks for; null width or height means "not constrained". */
    record Spec(Integer width, Integer height, Fit fit, ImageFormat format) {
    }

    enum Fit {
        CONTAIN,
        COVER
    }

    /**
     * The most pixels a rendition decodes: three times the largest default step squared (3 × 2048²,
     * 36 MB at 3 bytes a pixel), so that two renditions at once fit in a 256 MB heap beside the rest.
     * A larger original is subsampled further, and a rendition that would need more comes out smaller.
     */
    static final long MAX_DECODED_PIXELS = 3L * 2048 * 2048;

    private static final float JPEG_QUALITY = 0.85f;

    static {
        ImagePlugins.load();
    }

    private ImageCodec() {
    }

    /** The original's upright size from its header alone. */
    static ImageDecoder.Size size(Path file, ImageFormat format) throws IOException {
        try (ImageInputStream input = ImageIO.createImageInputStream(file.toFile())) {
            if (input == null) {
                throw new IOException("Cannot read " + file);
            }
            return ImageDecoder.size(input, format);
        }
    }

    /**
     * Decodes the whole file at a size of about {@code pixels}, failing on missing data: proof that an
     * upload holds the picture its header announces, at a bounded cost in memory.
     */
    static BufferedImage verify(Path file, ImageFormat format, long pixels) throws IOException {
        try (ImageInputStream input = ImageIO.createImageInputStream(file.toFile())) {
            if (input == null) {
                throw new IOException("Cannot read " + file);
            }
            return ImageDecoder.decode(input, format,
                    size -> (int) Math.max(1, Math.ceil(Math.sqrt(size.pixels() / (double) pixels))), true);
        }
    }

    static byte[] render(InputStream original, ImageFormat format, Spec spec, FocalPoint focus) throws IOException {
        try (ImageInputStream input = ImageIO.createImageInputStream(original)) {
            BufferedImage decoded = ImageDecoder.decode(input, format, size -> subsampling(size, spec), false);
            return encode(resize(decoded, spec, focus), spec.format());
        }
    }

    /**
     * Every n-th pixel of every n-th row, with n such that the decoded picture is still at least twice
     * the rendition (the resize then averages, so fine detail does not alias), but no more than
     * {@link #MAX_DECODED_PIXELS}.
     */
    static int subsampling(ImageDecoder.Size size, Spec spec) {
        double scale = scale(size, spec);
        int factor = Math.max(1, (int) Math.floor(1 / (2 * scale)));
        while ((long) ceilDiv(size.width(), factor) * ceilDiv(size.height(), factor) > MAX_DECODED_PIXELS) {
            factor++;
        }
        return factor;
    }

    /** How much smaller than the original the rendition is, at most 1 (renditions are never enlarged). */
    private static double scale(ImageDecoder.Size size, Spec spec) {
        double width = size.width();
        double height = size.height();
        if (spec.fit() == Fit.COVER && spec.width() != null && spec.height() != null) {
            double aspect = spec.width() / (double) spec.height();
            double cropWidth = width / height > aspect ? height * aspect : width;
            return Math.min(1.0, spec.width() / cropWidth);
        }
        double scale = 1.0;
        if (spec.width() != null) {
            scale = Math.min(scale, spec.width() / width);
        }
        if (spec.height() != null) {
            scale = Math.min(scale, spec.height() / height);
        }
        return scale;
    }

    private static int ceilDiv(int value, int divisor) {
        return (value + divisor - 1) / divisor;
    }

    /**
     * Never larger than the source: a request for more pixels than there are gets what there is.
     * The source is the decoded picture, so sizes are reckoned against it.
     */
    static BufferedImage resize(BufferedImage source, Spec spec, FocalPoint focus) throws IOException {
        int width = source.getWidth();
        int height = source.getHeight();
        if (spec.width() == null && spec.height() == null) {
            return source;
        }
        if (spec.fit() == Fit.COVER && spec.width() != null && spec.height() != null) {
            double aspect = spec.width() / (double) spec.height();
            int cropWidth = width;
            int cropHeight = height;
            if (width / (double) height > aspect) {
                cropWidth = Math.max(1, (int) Math.round(height * aspect));
            } else {
                cropHeight = Math.max(1, (int) Math.round(width / aspect));
            }
            int x = clamp((int) Math.round(focus.x() * width - cropWidth / 2.0), 0, width - cropWidth);
            int y = clamp((int) Math.round(focus.y() * height - cropHeight / 2.0), 0, height - cropHeight);
            // A crop smaller than the asked size shrinks the output instead of being blown up.
            double scale = Math.min(1.0, cropWidth / (double) spec.width());
            return Thumbnails.of(source).sourceRegion(x, y, cropWidth, cropHeight)
                    .forceSize(Math.max(1, (int) Math.round(spec.width() * scale)),
                            Math.max(1, (int) Math.round(spec.height() * scale)))
                    .asBufferedImage();
        }
        double scale = 1.0;
        if (spec.width() != null) {
            scale = Math.min(scale, spec.width() / (double) width);
        }
        if (spec.height() != null) {
            scale = Math.min(scale, spec.height() / (double) height);
        }
        return Thumbnails.of(source).forceSize(Math.max(1, (int) Math.round(width * scale)),
                Math.max(1, (int) Math.round(height * scale))).asBufferedImage();
    }

    static byte[] encode(BufferedImage image, ImageFormat format) throws IOException {
        // Every colour model the readers produce, in every format: the writers take only a few.
        BufferedImage pixels = format == ImageFormat.JPEG ? withoutAlpha(image) : ImageDecoder.standard(image);
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format.imageIoName());
        if (!writers.hasNext()) {
            throw new IOException("No writer for " + format);
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream output = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(output);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format == ImageFormat.JPEG) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
            }
            writer.write(null, new IIOImage(pixels, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    static boolean canWrite(ImageFormat format) {
        return ImageIO.getImageWritersByFormatName(format.imageIoName()).hasNext();
    }

    /** JPEG has no transparency: transparent pixels become white. */
    private static BufferedImage withoutAlpha(BufferedImage image) {
        if (!image.getColorModel().hasAlpha() && image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = rgb.createGraphics();
        try {
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
            graphics.drawImage(image, 0, 0, null);
        } finally {
            graphics.dispose();
        }
        return rgb;
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }
}
