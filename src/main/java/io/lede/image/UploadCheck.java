package io.lede.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;

import io.lede.error.ProblemException;
import io.lede.error.ProblemType;
import io.quarkus.logging.Log;

/**
 * What an upload must be, checked by its bytes, size and pixel count before it is decoded: a JPEG,
 * PNG, WebP or GIF by its content, within {@code lede.images.max-bytes} and
 * {@code lede.images.max-pixels}, long enough for the pixels its header declares, and decodable.
 */
@ApplicationScoped
class UploadCheck {

    /** An upload that passed: its format, size in pixels, and placeholders (from the decode that checked it). */
    record Checked(ImageFormat format, ImageDecoder.Size size, Placeholders.Computed placeholders) {
    }

    /** Decoding an upload to check it costs about this many pixels of memory, whatever its size. */
    private static final long VERIFY_PIXELS = 1_000_000;

    private final ImageConfig config;

    UploadCheck(ImageConfig config) {
        this.config = config;
    }

    /** The upload's format and size, or a 413, 415 or 400 that says what is wrong with it. */
    Checked check(Path file, long size) throws IOException {
        if (size > config.maxBytes()) {
            throw ProblemException.of(ProblemType.TOO_LARGE,
                    "The file is " + size + " bytes; at most " + config.maxBytes() + " are accepted");
        }
        byte[] head = head(file);
        ImageFormat format = ImageFormat.sniff(head).orElseThrow(() -> new ProblemException(ProblemType.forStatus(415,
                "Only JPEG, PNG, WebP and GIF images are accepted, recognised by their content; this file is none of them")));
        ImageDecoder.Size header = readableHeader(file, format);
        long pixels = header.pixels();
        if (pixels > config.maxPixels()) {
            throw ProblemException.of(ProblemType.TOO_LARGE, "The image is " + header.width() + "×" + header.height() + " = "
                    + pixels + " pixels; at most " + config.maxPixels() + " are accepted");
        }
        long needed = format.minimumBytes(pixels, head);
        if (size < needed) {
            throw ProblemException.of(ProblemType.VALIDATION, "The file declares a " + header.width() + "×" + header.height()
                    + " " + format.name() + " image but holds " + size + " bytes, far too few for its pixel data (at least "
                    + needed + "); it is truncated or only a header");
        }
        return new Checked(format, header, Placeholders.of(verifyOrRefuse(file, format)));
    }

    private static byte[] head(Path file) throws IOException {
        try (InputStream input = Files.newInputStream(file)) {
            return input.readNBytes(16);
        }
    }

    private static ImageDecoder.Size readableHeader(Path file, ImageFormat format) {
        try {
            ImageDecoder.Size size = ImageCodec.size(file, format);
            if (size.width() > 0 && size.height() > 0) {
                return size;
            }
        } catch (IOException | RuntimeException e) {
            Log.debugf("Unreadable %s header: %s", format, e.getMessage());
        }
        throw ProblemException.of(ProblemType.VALIDATION, "The file starts like a " + format.name()
                + " image but its header cannot be read; it is corrupt or truncated");
    }

    /** Decodes the whole file, subsampled to about a megapixel: its pixel data must all be there. */
    private static java.awt.image.BufferedImage verifyOrRefuse(Path file, ImageFormat format) {
        try {
            return ImageCodec.verify(file, format, VERIFY_PIXELS);
        } catch (IOException | RuntimeException e) {
            Log.debugf("Undecodable %s: %s", format, e.getMessage());
            throw ProblemException.of(ProblemType.VALIDATION, "The " + format.name()
                    + " image could not be decoded; it is corrupt or truncated");
        }
    }
}
