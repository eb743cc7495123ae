package io.lede.text;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Ids are UUIDs; anything else in an id's place names nothing. */
public final class Ids {

    /** The canonical form only: UUID.fromString also takes "1-2-3-4-5", which is a valid slug. */
    private static final Pattern CANONICAL = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Ids() {
    }

    public static Optional<UUID> parse(String value) {
        if (value == null || !CANONICAL.matcher(value).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether a slug would be read as an id: /v1/articles/{idOrSlug} tries the id first. */
    public static boolean looksLikeId(String value) {
        return value != null && CANONICAL.matcher(value).matches();
    }
}
