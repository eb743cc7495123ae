package io.lede.cache;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code Surrogate-Key} header: what a cached response depends on. The response cache keeps
 * these keys with each entry, a CDN (Varnish's xkey, Fastly) indexes its copies by them, and a
 * committed write invalidates the keys of what it changed (see {@code io.lede.cache}), so
 * that a change evicts exactly the responses that showed the old state.
 *
 * <p>Two sorts of keys. Item keys name one stored thing a response shows: {@code article-<id>},
 * {@code quote-<id>}, {@code image-<id>}, {@code speaker-<id>}, {@code translations-<group>} (the
 * published members of a translation group), {@code article-quotes-<id>} (the quotes linked to an
 * article), {@code entity-<id>}. Membership keys name a set whose members or order a write can change: {@code
 * section-<name>} (lists restricted to one section), {@link #ALL_SECTIONS} (lists over every
 * section, the sections list, and anything that depends on the published languages), {@link
 * #SEARCH} (article searches), {@link #QUOTE_VISIBILITY} (which quotes and speakers anonymous
 * readers may see), and the quote, image, speaker and sync lists by their kind. The kind of a
 * response ({@code articles}, {@code headlines}, {@code feeds}, ...) comes first, for operators who
 * purge by hand; article kinds are never invalidated by writes, their section keys are.
 */
public final class SurrogateKeys {

    public static final String HEADER = "Surrogate-Key";

    /** Lists over every section, and whatever depends on the set of published sections or languages. */
    public static final String ALL_SECTIONS = "all-sections";
    /** Article searches ({@code q=}): any change to a published article's text may change them. */
    public static final String SEARCH = "search";
    /** Which quotes and speakers are public: moves when articles are published or unpublished. */
    public static final String QUOTE_VISIBILITY = "quote-visibility";
    /** Which entities anonymous readers may see: moves when published content starts or stops showing one. */
    public static final String ENTITY_VISIBILITY = "entity-visibility";
    /** Corrections of published articles ({@code GET /v1/corrections}). */
    public static final String CORRECTIONS = "corrections";
    public static final String ENTITIES = "entities";
    public static final String QUOTES = "quotes";
    public static final String SPEAKERS = "speakers";
    public static final String IMAGES = "images";
    public static final String SYNC = "sync";

    private final Set<String> keys = new LinkedHashSet<>();

    private SurrogateKeys() {
    }

    /** Keys starting with the name of a kind of response, such as {@code articles}. */
    public static SurrogateKeys of(String... names) {
        SurrogateKeys keys = new SurrogateKeys();
        Collections.addAll(keys.keys, names);
        return keys;
    }

    /** Adds {@code kind-id}; nothing when the id is null. */
    public SurrogateKeys add(String kind, Object id) {
        if (id != null) {
            keys.add(key(kind, id));
        }
        return this;
    }

    /** Adds a key as it is ({@link #ALL_SECTIONS}, ...). */
    public SurrogateKeys add(String key) {
        keys.add(key);
        return this;
    }

    /** Adds {@code section-<name>} for a list restricted to one section, {@link #ALL_SECTIONS} for one over all. */
    public SurrogateKeys sectionList(String section) {
        return section == null ? add(ALL_SECTIONS) : add("section", section);
    }

    /**
     * The header value, at most {@link #MAX_LENGTH} characters. A page that inlines many quotes,
     * images or entities would name each; past the bound, the item keys of one kind after another
     * give way to a key that every change of that kind invalidates too ({@code quote-<id>} to
     * {@link #QUOTES}, ...): a broader dependency, never a missing one. Edges limit header sizes
     * (Varnish: 8 KB a header by default).
     */
    public String value() {
        String value = String.join(" ", keys);
        for (Map.Entry<String, String> kind : BROADER.entrySet()) {
            if (value.length() <= MAX_LENGTH) {
                break;
            }
            // Only <kind>-<uuid>: quote-visibility or article-quotes-<id> are other kinds.
            Pattern item = Pattern.compile(Pattern.quote(kind.getKey()) + "-" + UUID_PATTERN);
            if (keys.removeIf(key -> item.matcher(key).matches())) {
                keys.add(kind.getValue());
                value = String.join(" ", keys);
            }
        }
        return value;
    }

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    /** Well under the 8 KB an edge takes in one header. */
    static final int MAX_LENGTH = 4000;

    /**
     * Item kinds in the order they give way, each with the key every change of that kind carries
     * (see the ContentKeySource of each feature): articles' and translations' changes all carry
     * {@link #SYNC}.
     */
    private static final Map<String, String> BROADER = orderedMap(
            "entity", ENTITIES, "quote", QUOTES, "image", IMAGES, "speaker", SPEAKERS, "translations", SYNC, "article", SYNC);

    private static Map<String, String> orderedMap(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    /** {@code kind-id}: the key a write invalidates and a response carries for one thing. */
    public static String key(String kind, Object id) {
        // Keys are space-separated: a space inside a section name would split it.
        return kind + "-" + id.toString().replace(' ', '_');
    }

    /** The keys of a {@code Surrogate-Key} value. */
    public static Set<String> parse(String header) {
        Set<String> keys = new LinkedHashSet<>();
        if (header != null) {
            for (String key : header.split(" ")) {
                if (!key.isEmpty()) {
                    keys.add(key);
                }
            }
        }
        return keys;
    }
}
