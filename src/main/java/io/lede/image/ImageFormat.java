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

    public static Optional<ImageFormat> fromApiName(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "jpeg", "jpg" -> Optional.of(JPEG);
            case "png" -> Optional.of(PNG);
            case "webp" -> Optional.of(WEBP);
            default -> Optional.empty();
        };
    }
}
