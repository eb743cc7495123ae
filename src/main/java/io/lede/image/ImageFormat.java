package io.lede.image;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The formats Lede accepts, told apart by their first bytes, never by a name or a declared type. */
public enum ImageFormat {
    JPEG("image/jpeg", "jpg"),
    PNG("image/png", "png"),
    GIF("image/gif", "gif"),
    WEBP("image/webp", "webp");

    private final String mimeType;
    private final String extension;

    ImageFormat(String mimeType, String extension) {
        this.mimeType = mimeType;
        this.extension = extension;
    }

    public String mimeType() {
        return mimeType;
    }

    public String extension() {
        return extension;
    }

    /** The name of the {@code format} parameter. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The name ImageIO knows the format by. */
    public String imageIoName() {
        return this == JPEG ? "jpeg" : name().toLowerCase(Locale.ROOT);
    }

    /** What a rendition of an image in this format is written as, when no format is asked for. */
    public ImageFormat renditionDefault() {
        return this == GIF ? PNG : this;
    }

    /** The format of a file from its first 12 bytes, if it is one of ours. */
    public static Optional<ImageFormat> sniff(byte[] head) {
        if (head.length >= 3 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xd8 && (head[2] & 0xff) == 0xff) {
            return Optional.of(JPEG);
        }
        if (head.length >= 8 && Arrays.equals(Arrays.copyOf(head, 8),
                new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' })) {
            return Optional.of(PNG);
        }
        if (head.length >= 6) {
            String start = new String(head, 0, 6, StandardCharsets.ISO_8859_1);
            if (start.equals("GIF87a") || start.equals("GIF89a")) {
                return Optional.of(GIF);
            }
        }
        if (head.length >= 12 && new String(head, 0, 4, StandardCharsets.ISO_8859_1).equals("RIFF")
                && new String(head, 8, 4, StandardCharsets.ISO_8859_1).equals("WEBP")) {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    /**
     * The fewest bytes in which a real encoder of this format can hold so many pixels, with a margin of
     * two; less is a header declaring a picture whose data is missing (a few dozen bytes announcing
     * 7000×7000). Decoding would find that out too, but not every reader fails on it (the GIF reader
     * leaves the rest blank), and it is cheap to know first. {@code head} is the file's first 16 bytes.
     */
    public long minimumBytes(long pixels, byte[] head) {
        return switch (this) {
            // Every 8×8 block's DC coefficient costs at least a bit: at most 512 pixels a byte.
            case JPEG -> pixels / 1024;
            // Deflate reaches at most 1032:1, and a pixel is at least one bit: at most 8256 pixels a byte.
            case PNG -> pixels / 16512;
            case GIF -> minimumLzwBytes(pixels);
            // Lossy VP8 spends at least ~3.4 bits on each 16×16 macroblock's prediction modes: at most
            // 600 pixels a byte. Lossless (VP8L) can describe a flat picture in a few bytes: no bound.
            case WEBP -> head.length >= 16 && new String(head, 12, 4, StandardCharsets.ISO_8859_1).equals("VP8 ")
                    ? pixels / 1200 : 0;
        };
    }

    /**
     * The n-th LZW code after a table reset stands for at most n pixels, no code for more than 4096,
     * and codes are at least 3 bits long.
     */
    private static long minimumLzwBytes(long pixels) {
        long fullTable = 4096L * 4097 / 2;
        long codes = pixels <= fullTable
                ? (long) Math.ceil((Math.sqrt(8.0 * pixels + 1) - 1) / 2)
                : 4096 + (pixels - fullTable + 4095) / 4096;
        return codes * 3 / 8;
    }

    public static Optional<ImageFormat> fromApiName(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "jpeg", "jpg" -> Optional.of(JPEG);
            case "png" -> Optional.of(PNG);
            case "webp" -> Optional.of(WEBP);
            default -> Optional.empty();
        };
    }
}
