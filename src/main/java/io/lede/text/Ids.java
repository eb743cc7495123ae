package io.lede.text;

import java.util.Optional;
import java.util.UUID;

/** Ids are UUIDs; anything else in an id's place names nothing. */
public final class Ids {

    private Ids() {
    }

    public static Optional<UUID> parse(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
