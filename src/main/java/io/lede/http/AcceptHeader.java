package io.lede.http;

import java.util.Locale;

/**
 * Whether an {@code Accept} header allows a media type, by RFC 9110 12.5.1: the most specific
 * range that matches the type decides, and {@code q=0} means "not acceptable".
 */
public final class AcceptHeader {

    private AcceptHeader() {
    }

    /** True when {@code accept} is absent or its most specific range matching {@code mediaType} has q above 0. */
    public static boolean allows(String accept, String mediaType) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        String[] wanted = essence(mediaType).split("/", 2);
        int bestSpecificity = -1;
        double bestQuality = 0;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String[] type = essence(parts[0]).split("/", 2);
            if (type.length != 2) {
                continue;
            }
            int specificity = type[0].equals("*") ? 0 : type[1].equals("*") ? 1 : 2;
            boolean matches = specificity == 0
                    || type[0].equals(wanted[0]) && (specificity == 1 || wanted.length == 2 && type[1].equals(wanted[1]));
            if (matches && specificity > bestSpecificity) {
                bestSpecificity = specificity;
                bestQuality = quality(parts);
            }
        }
        return bestSpecificity >= 0 && bestQuality > 0;
    }

    /** True when {@code accept} names exactly {@code mediaType} (not by a wildcard) with q=0: "anything but this". */
    public static boolean refuses(String accept, String mediaType) {
        if (accept == null) {
            return false;
        }
        String wanted = essence(mediaType);
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            if (essence(parts[0]).equals(wanted) && quality(parts) <= 0) {
                return true;
            }
        }
        return false;
    }

    private static double quality(String[] parameters) {
        for (int i = 1; i < parameters.length; i++) {
            String parameter = parameters[i].trim();
            if (parameter.regionMatches(true, 0, "q=", 0, 2)) {
                try {
                    return Double.parseDouble(parameter.substring(2).trim());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }

    private static String essence(String mediaType) {
        int semicolon = mediaType.indexOf(';');
        return (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }
}
