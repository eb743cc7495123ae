package io.lede.common.http;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The {@code Surrogate-Key} header: names a CDN can purge a cached response by (Fastly and others
 * read it; Akamai calls the same idea cache tags). A response names the list it is
 * ({@code articles}, {@code headlines}) and every item and section in it, so that a change to one
 * article can purge exactly the responses that show it: {@code article-<id>} and {@code section-<name>}.
 */
public final class SurrogateKeys {

    public static final String HEADER = "Surrogate-Key";

    private final Set<String> keys = new LinkedHashSet<>();

    private SurrogateKeys() {
    }

    /** Keys starting with the name of a kind of response, such as {@code articles}. */
    public static SurrogateKeys of(String... names) {
        SurrogateKeys keys = new SurrogateKeys();
        for (String name : names) {
            keys.keys.add(name);
        }
        return keys;
    }

    /** Adds {@code kind-id}; nothing when the id is null. */
    public SurrogateKeys add(String kind, Object id) {
        if (id != null) {
            // Keys are space-separated: a space inside a section name would split it.
            keys.add(kind + "-" + id.toString().replace(' ', '_'));
        }
        return this;
    }

    public String value() {
        return String.join(" ", keys);
    }
}
