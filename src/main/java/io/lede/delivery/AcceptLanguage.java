package io.lede.delivery;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Content negotiation by {@code Accept-Language} (RFC 4647 lookup) among the languages there are. */
public final class AcceptLanguage {

    private AcceptLanguage() {
    }

    /** The best available language for the header, if the header names any of them. */
    public static Optional<String> pick(String header, Collection<String> available) {
        if (header == null || header.isBlank() || available.isEmpty()) {
            return Optional.empty();
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(header);
            return Optional.ofNullable(Locale.lookupTag(ranges, available)).map(tag -> available.stream()
                    .filter(candidate -> candidate.equalsIgnoreCase(tag)).findFirst().orElse(tag));
        } catch (IllegalArgumentException e) {
            // A malformed header asks for nothing in particular.
            return Optional.empty();
        }
    }
}
