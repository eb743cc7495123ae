package io.lede.image;

import io.lede.error.ProblemException;
import io.lede.http.AcceptHeader;
import io.lede.input.QueryParams;

/** The image endpoints' own parameters, parsed: a rendition's size, fit and format, and a focal point. */
final class ImageParams {

    static final int MAX_SIDE = 4096;

    private ImageParams() {
    }

    /** {@code format=auto}: the best format the client's Accept header allows. */
    static final String AUTO = "auto";

    /**
     * The rendition that w, h, fit and format ask for; null for the original. {@code format=auto}
     * picks WebP when {@code accept} names it (browsers that decode it say so) and the original's
     * rendition format otherwise; AVIF is not offered, as no encoder for it installs from Maven
     * Central or Debian for the JVM here.
     */
    static ImageCodec.Spec spec(String w, String h, String fit, String format, String accept) {
        if (AUTO.equals(format)) {
            boolean webp = accept != null && AcceptHeader.allows(accept, "image/webp") && explicitlyNames(accept, "image/webp")
                    && ImageCodec.canWrite(ImageFormat.WEBP);
            return spec(w, h, fit, webp ? "webp" : null);
        }
        return spec(w, h, fit, format);
    }

    /** A wildcard does not count: many clients send image/* or * / * without decoding WebP. */
    private static boolean explicitlyNames(String accept, String mediaType) {
        for (String range : accept.split(",")) {
            if (range.split(";")[0].strip().equalsIgnoreCase(mediaType)) {
                return true;
            }
        }
        return false;
    }

    /** The rendition that w, h, fit and format ask for; null for the original. */
    static ImageCodec.Spec spec(String w, String h, String fit, String format) {
        if (w == null && h == null && fit == null && format == null) {
            return null;
        }
        Integer width = size(w, "w");
        Integer height = size(h, "h");
        ImageCodec.Fit mode = QueryParams.enumValue(fit, "fit", ImageCodec.Fit.class, ImageCodec.Fit.CONTAIN);
        if (mode == ImageCodec.Fit.COVER && (width == null || height == null)) {
            throw ProblemException.invalid("fit", "cover needs both w and h");
        }
        ImageFormat output = null;
        if (format != null) {
            output = ImageFormat.fromApiName(format).filter(ImageCodec::canWrite)
                    .orElseThrow(() -> ProblemException.invalid("format", "must be one of jpeg, png, webp, auto"));
        }
        return new ImageCodec.Spec(width, height, mode, output);
    }

    /** Absent is unconstrained; a blank value never reaches here (KnownQueryParameters refuses it). */
    private static Integer size(String raw, String name) {
        return raw == null ? null : QueryParams.intInRange(raw, name, 0, 1, MAX_SIDE);
    }

    /** "x,y" as fractions, or nothing. */
    /** The longest focalPoint form field taken; the OpenAPI document declares it as maxLength. */
    static final int FOCAL_POINT_MAX_LENGTH = 64;

    static FocalPoint focalPoint(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > FOCAL_POINT_MAX_LENGTH) {
            throw ProblemException.invalid("focalPoint", "is longer than " + FOCAL_POINT_MAX_LENGTH + " characters");
        }
        String[] parts = value.split(",");
        try {
            if (parts.length == 2) {
                return new FocalPoint(Float.valueOf(parts[0].trim()), Float.valueOf(parts[1].trim()));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.invalid("focalPoint", "must be x,y with both between 0 and 1, e.g. 0.5,0.3");
    }
}
