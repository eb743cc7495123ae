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
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import net.coobird.thumbnailator.Thumbnails;

/**
 * Reading and writing pictures. Sizes come from the header before any pixel is decoded; decoding
 * applies EXIF orientation; encoding writes pixels only, so no EXIF (and no GPS position) survives
 * into a rendition.
 */
final class ImageCodec {

    /** What a rendition request asks for; null width or height means "not constrained". */
    record Spec(Integer width, Integer height, Fit fit, ImageFormat format) {
    }

    enum Fit {
        CONTAIN,
        COVER
    }

    private static final float JPEG_QUALITY = 0.85f;

    static {
        // Plugins (WebP) come from the application's class loader, which ImageIO does not scan by itself.
        ImageIO.scanForPlugins();
        // Encode in memory: ImageIO's default file cache registers a JVM shutdown hook per stream,
        // which fails while the service shuts down and would turn an in-flight rendition into a 500.
        ImageIO.setUseCache(false);
    }

    private ImageCodec() {
    }

    /** Width and height from the header alone; null when no reader understands the file. */
    static int[] headerSize(Path file, ImageFormat format) throws IOException {
        try (ImageInputStream input = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName());
            if (input == null || !readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                return new int[] { reader.getWidth(0), reader.getHeight(0) };
            } finally {
                reader.dispose();
            }
        }
    }

    /** The whole picture (first frame of a GIF), turned upright by its EXIF orientation. */
    static BufferedImage decode(InputStream input) throws IOException {
        return Thumbnails.of(input).scale(1.0).useExifOrientation(true).asBufferedImage();
    }

    static byte[] render(BufferedImage source, Spec spec, FocalPoint focus) throws IOException {
        return encode(resize(source, spec, focus), spec.format());
    }

    /** Never larger than the source: a request for more pixels than there are gets the original size. */
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
        BufferedImage pixels = format == ImageFormat.JPEG ? withoutAlpha(image) : image;
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
