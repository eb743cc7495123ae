package io.lede.article;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** URL slugs: lower-case ASCII letters and digits separated by single hyphens. */
public final class Slugs {

    public static final String PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";
    public static final int MAX_LENGTH = 120;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");

    private Slugs() {
    }

    /**
     * "Ceasefire talks: what's next?" becomes {@code ceasefire-talks-what-s-next}. Text with no
     * Latin letters (a Russian headline) gives an empty string; callers fall back to an id.
     */
    public static String from(String text) {
        String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
        String slug = NON_ALNUM.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll("-");
        slug = slug.replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return slug;
    }

    /** {@code slug-suffix}, the slug shortened as needed so that the whole stays within {@link #MAX_LENGTH}. */
    public static String withSuffix(String slug, String suffix) {
        int room = MAX_LENGTH - suffix.length() - 1;
        String head = slug.length() > room ? slug.substring(0, room).replaceAll("-+$", "") : slug;
        return head + "-" + suffix;
    }
}
