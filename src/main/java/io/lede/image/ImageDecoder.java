package io.lede.image;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadUpdateListener;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;

import com.luciad.imageio.webp.WebPReadParam;

import net.coobird.thumbnailator.util.exif.ExifFilterUtils;
import net.coobird.thumbnailator.util.exif.ExifUtils;
import net.coobird.thumbnailator.util.exif.Orientation;

/**
 * Turns a file's bytes into pixels at a cost in proportion to what is asked of them, not to what the
 * header declares: large originals are decoded subsampled (every n-th pixel of every n-th row; WebP
 * through libwebp's scaler), so a 320 px rendition of a 49-megapixel original never holds 49
 * megapixels. Checking an upload, a decode that runs out of data is refused: some readers paint the
 * missing part grey (JPEG) or leave it blank (GIF) instead of failing.
 */
final class ImageDecoder {

    /** A picture's size as it is shown, EXIF orientation applied. */
    record Size(int width, int height) {
        long pixels() {
            return (long) width * height;
        }
    }

    /** Chooses the subsampling factor (1: every pixel) once the picture's upright size is known. */
    @FunctionalInterface
    interface Subsampling {
        int factor(Size size);
    }

    /** The bytes do not hold the picture they announce: corrupt, truncated or only a header. */
    static final class UnreadableException extends IOException {
        UnreadableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static {
        ImagePlugins.load();
    }

    private ImageDecoder() {
    }

    /** The upright size from the header alone; nothing is decoded. */
    static Size size(ImageInputStream input, ImageFormat format) throws IOException {
        Orientation orientation = orientation(input, format);
        ImageReader reader = reader(format);
        try {
            reader.setInput(input, true, true);
            return upright(reader.getWidth(0), reader.getHeight(0), orientation);
        } catch (RuntimeException e) {
            throw new UnreadableException("unreadable header", e);
        } finally {
            reader.dispose();
        }
    }

    /**
     * The first frame, upright, subsampled by the factor chosen for its size, in a colour model every
     * writer takes (RGB or ARGB with 8 bits a channel). With {@code strict}, a decode that ran out of
     * data is an {@link UnreadableException}.
     */
    static BufferedImage decode(ImageInputStream input, ImageFormat format, Subsampling subsampling, boolean strict)
            throws IOException {
        Orientation orientation = orientation(input, format);
        ImageReader reader = reader(format);
        try {
            reader.setInput(input, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            int factor = Math.max(1, subsampling.factor(upright(width, height, orientation)));
            ImageReadParam param = reader.getDefaultReadParam();
            boolean scaledByLibwebp = param instanceof WebPReadParam;
            if (factor > 1 && param instanceof WebPReadParam webp) {
                // libwebp ignores subsampling but scales while it decodes, averaging rather than picking pixels.
                webp.setUseScaling(true);
                webp.setScaledWidth(ceilDiv(width, factor));
                webp.setScaledHeight(ceilDiv(height, factor));
            } else if (factor > 1) {
                param.setSourceSubsampling(factor, factor, 0, 0);
            }
            Damage damage = new Damage();
            reader.addIIOReadWarningListener(damage);
            reader.addIIOReadUpdateListener(damage);
            BufferedImage image = reader.read(0, param);
            if (strict) {
                damage.check(image.getHeight(), !scaledByLibwebp);
            }
            return upright(standard(image), orientation);
        } catch (UnreadableException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Readers report corrupt data in many ways (IIOException, EOFException, array index errors...).
            throw new UnreadableException("undecodable: " + e.getMessage(), e);
        } finally {
            reader.dispose();
        }
    }

    /**
     * 8-bit RGB or ARGB. Grayscale (8 and 16 bit), palettes and 16-bit colour are redrawn, which keeps
     * their values (unlike {@code getRGB}, which treats gray as linear light); the WebP writer fails
     * on anything else, and the JPEG writer on several.
     */
    static BufferedImage standard(BufferedImage image) {
        int type = image.getType();
        if (type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_INT_ARGB
                || type == BufferedImage.TYPE_3BYTE_BGR || type == BufferedImage.TYPE_4BYTE_ABGR) {
            return image;
        }
        BufferedImage converted = new BufferedImage(image.getWidth(), image.getHeight(),
                image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = converted.createGraphics();
        try {
            graphics.drawImage(image, 0, 0, null);
        } finally {
            graphics.dispose();
        }
        return converted;
    }

    /**
     * For WebP, libwebp's reader (it scales while decoding, natively); the pure-Java one is the
     * fallback where the native library is missing. For the others, the JDK's.
     */
    private static ImageReader reader(ImageFormat format) throws IOException {
        ImageReader chosen = null;
        for (Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName()); readers.hasNext();) {
            ImageReader reader = readers.next();
            if (chosen == null || format == ImageFormat.WEBP && reader.getDefaultReadParam() instanceof WebPReadParam) {
                if (chosen != null) {
                    chosen.dispose();
                }
                chosen = reader;
            } else {
                reader.dispose();
            }
        }
        if (chosen == null) {
            throw new IOException("No reader for " + format);
        }
        return chosen;
    }

    /**
     * EXIF orientation, from the APP1 segment before the JPEG's first scan. Read from the bytes rather
     * than the reader's metadata, which refuses the many files whose EXIF segment comes before JFIF.
     * Other formats, and unreadable EXIF: as stored.
     */
    private static Orientation orientation(ImageInputStream input, ImageFormat format) throws IOException {
        if (format != ImageFormat.JPEG) {
            return Orientation.TOP_LEFT;
        }
        input.mark();
        try {
            if (input.readUnsignedShort() != 0xFFD8) {
                return Orientation.TOP_LEFT;
            }
            for (int segment = 0; segment < 64; segment++) {
                int marker = input.readUnsignedShort();
                if ((marker & 0xFF00) != 0xFF00 || marker == 0xFFDA || marker == 0xFFD9) {
                    break;
                }
                int length = input.readUnsignedShort() - 2;
                if (marker == 0xFFE1 && length > 6) {
                    byte[] exif = new byte[length];
                    input.readFully(exif);
                    if (new String(exif, 0, 6, StandardCharsets.ISO_8859_1).equals("Exif\0\0")) {
                        Orientation orientation = ExifUtils.getOrientationFromExif(exif);
                        return orientation == null ? Orientation.TOP_LEFT : orientation;
                    }
                } else if (length > 0) {
                    input.skipBytes(length);
                }
            }
            return Orientation.TOP_LEFT;
        } catch (IOException | RuntimeException e) {
            // Cut short or malformed: decoding will tell whether the picture itself is readable.
            return Orientation.TOP_LEFT;
        } finally {
            input.reset();
        }
    }

    private static Size upright(int width, int height, Orientation orientation) {
        return turned(orientation) ? new Size(height, width) : new Size(width, height);
    }

    private static BufferedImage upright(BufferedImage image, Orientation orientation) {
        return orientation == Orientation.TOP_LEFT ? image : ExifFilterUtils.getFilterForOrientation(orientation).apply(image);
    }

    /** Orientations 5 to 8 turn the picture by a quarter: width and height swap. */
    private static boolean turned(Orientation orientation) {
        return orientation == Orientation.LEFT_TOP || orientation == Orientation.RIGHT_TOP
                || orientation == Orientation.RIGHT_BOTTOM || orientation == Orientation.LEFT_BOTTOM;
    }

    private static int ceilDiv(int value, int divisor) {
        return (value + divisor - 1) / divisor;
    }

    /** What a reader said while decoding: warnings about missing data, and how many rows it delivered. */
    private static final class Damage implements IIOReadWarningListener, IIOReadUpdateListener {

        private String truncation;
        private long rows;

        @Override
        public void warningOccurred(ImageReader source, String warning) {
            // The JPEG reader's words for data that ends early ("Premature end of JPEG file",
            // "premature end of data segment", "Truncated File - Missing EOI marker"); it fills the rest grey.
            String text = warning == null ? "" : warning.toLowerCase(Locale.ROOT);
            if (text.contains("premature end") || text.contains("truncated")) {
                truncation = warning;
            }
        }

        @Override
        public void imageUpdate(ImageReader source, BufferedImage image, int minX, int minY, int width, int height,
                int periodX, int periodY, int[] bands) {
            rows += height;
        }

        /** The GIF reader stops quietly where its data stops; the JDK's readers report every row they deliver. */
        void check(int height, boolean rowsReported) throws UnreadableException {
            if (truncation != null) {
                throw new UnreadableException("truncated: " + truncation, null);
            }
            if (rowsReported && rows < height) {
                throw new UnreadableException("only " + rows + " of " + height + " rows decoded", null);
            }
        }

        @Override
        public void passStarted(ImageReader source, BufferedImage image, int pass, int minPass, int maxPass, int minX,
                int minY, int periodX, int periodY, int[] bands) {
        }

        @Override
        public void passComplete(ImageReader source, BufferedImage image) {
        }

        @Override
        public void thumbnailPassStarted(ImageReader source, BufferedImage thumbnail, int pass, int minPass, int maxPass,
                int minX, int minY, int periodX, int periodY, int[] bands) {
        }

        @Override
        public void thumbnailUpdate(ImageReader source, BufferedImage thumbnail, int minX, int minY, int width, int height,
                int periodX, int periodY, int[] bands) {
        }

        @Override
        public void thumbnailPassComplete(ImageReader source, BufferedImage image) {
        }
    }
}
