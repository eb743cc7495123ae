package io.lede.quote;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One person, however their name is typed: "Dmitry Peskov", "dmitry  peskov" and "Dmítry Peskov"
 * fold to the same key (case, accents and runs of white space are ignored).
 */
public final class SpeakerNames {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private SpeakerNames() {
    }

    public static String normalize(String name) {
        String folded = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD)).replaceAll("");
        return tidy(folded).toLowerCase(Locale.ROOT);
    }

    /** The name as written, with its white space tidied. */
    public static String tidy(String name) {
        return SPACES.matcher(name.strip()).replaceAll(" ");
    }
}
