package io.lede;

import static io.lede.TestApi.article;
import static io.lede.TestApi.create;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The search syntax as a reader sees it (docs/api.md, Search), checked the same way on every engine
 * that reads it: PostgreSQL's full-text search and OpenSearch once disagreed on where a dash
 * negates, what {@code or} binds, and whether {@code *} is everything.
 */
public final class SearchSyntaxCases {

    private SearchSyntaxCases() {
    }

    /** What each query must find among the four stories, by their keys. */
    static final Map<String, Set<String>> EXPECTED = expected();

    private static Map<String, Set<String>> expected() {
        Map<String, Set<String>> cases = new LinkedHashMap<>();
        cases.put("ferry", Set.of("night", "timetable"));
        cases.put("*", Set.of());
        cases.put("ferry -*", Set.of("night", "timetable"));
        cases.put("ferry -'night'", Set.of("timetable"));
        cases.put("ferry -(night)", Set.of("timetable"));
        cases.put("ferry -«night»", Set.of("timetable"));
        cases.put("--ferry", Set.of("match", "trains"));
        // An excluded word's parts are left out together, as a phrase: "19" alone is not "covid-19".
        cases.put("harbour -covid-19", Set.of("night", "match"));
        cases.put("or ferry", Set.of("night", "timetable"));
        cases.put("ferry or", Set.of("night", "timetable"));
        cases.put("ferry or trains night", Set.of("night", "trains"));
        cases.put("night-ferry", Set.of("night"));
        cases.put("ferry+timetable", Set.of("timetable"));
        cases.put("timetable ferry", Set.of("timetable"));
        cases.put("\"timetable ferry\"", Set.of());
        cases.put("\"night ferry\"-harbour", Set.of());
        cases.put("-ferry -harbour", Set.of("trains"));
        // A parenthesis inside a term is punctuation, not the end of a group of alternatives.
        cases.put("ferry) or (trains", Set.of("night", "timetable", "trains"));
        cases.put("ferry) or zzz", Set.of("night", "timetable"));
        // A term without a letter or digit is nothing, looked for or left out.
        cases.put("-*", Set.of());
        cases.put("? -ferry", Set.of("match", "trains"));
        cases.put("-ferry ~", Set.of("match", "trains"));
        // A hyphenated term finds the words hyphenated or not.
        cases.put("covid-19", Set.of("timetable"));
        cases.put("number-19", Set.of("match"));
        return Collections.unmodifiableMap(cases);
    }

    /**
     * Writes the four stories into the section, has {@code await} wait until a search finds them all
     * (an engine indexes after the write), then checks every case with {@code found(q)}: the ids a
     * search of the section finds.
     */
    public static void check(String section, Function<String, List<String>> found, Consumer<BooleanSupplier> await) {
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("night", story(section, "Night ferry returns", "The harbour is busy again."));
        ids.put("timetable", story(section, "Ferry timetable changes", "Covid-19 rules end at the harbour."));
        ids.put("match", story(section, "Harbour match report", "Number 19 wins the cup."));
        ids.put("trains", story(section, "Trains at night", "Rail news."));
        await.accept(() -> found.apply("ferry or harbour or trains").containsAll(ids.values()));
        Map<String, Set<String>> wrong = new LinkedHashMap<>();
        EXPECTED.forEach((q, expected) -> {
            List<String> foundIds = found.apply(q);
            Set<String> got = new TreeSet<>();
            ids.forEach((key, id) -> {
                if (foundIds.contains(id)) {
                    got.add(key);
                }
            });
            if (!got.equals(new TreeSet<>(expected))) {
                wrong.put(q, got);
            }
        });
        assertEquals(Map.of(), wrong, "queries that found other stories than " + EXPECTED);
    }

    private static String story(String section, String headline, String paragraph) {
        Map<String, Object> body = article(section, headline);
        body.put("language", "en");
        body.put("standfirst", null);
        body.put("body", List.of(Map.of("type", "paragraph", "text", paragraph)));
        return create(body).path("id");
    }
}
