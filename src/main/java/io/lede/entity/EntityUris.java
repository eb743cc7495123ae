package io.lede.entity;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The global ids an entity may carry: a Wikidata entity URI or an IPTC Media Topic URI. Both
 * vocabularies name their ids with {@code http}; {@code https} is accepted and stored as
 * {@code http}, so that one thing has one URI and a second entity for it is a conflict.
 */
public final class EntityUris {

    public static final String WIKIDATA = "http://www.wikidata.org/entity/";
    public static final String MEDIA_TOPIC = "http://cv.iptc.org/newscodes/mediatopic/";

    /** Q-ids are positive numbers; Media Topic codes are eight digits. */
    private static final Pattern ACCEPTED = Pattern.compile(
            "https?://(www\\.wikidata\\.org/entity/Q[1-9][0-9]{0,11}|cv\\.iptc\\.org/newscodes/mediatopic/[0-9]{8})");

    public static final String RULE = "must be a Wikidata entity URI (http://www.wikidata.org/entity/Q and up to 12 digits) "
            + "or an IPTC Media Topic URI (http://cv.iptc.org/newscodes/mediatopic/ and 8 digits)";

    private EntityUris() {
    }

    /** The URI in its stored form, or empty when it is neither kind. */
    public static Optional<String> canonical(String uri) {
        if (uri == null) {
            return Optional.empty();
        }
        Matcher matcher = ACCEPTED.matcher(uri.strip());
        return matcher.matches() ? Optional.of("http://" + matcher.group(1)) : Optional.empty();
    }
}
