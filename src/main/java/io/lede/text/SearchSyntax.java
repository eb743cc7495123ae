package io.lede.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A search's {@code q} read once, by the rules every engine then follows (docs/api.md, Search):
 * white space separates terms; a term is a word or a {@code "quoted phrase"} (a quote left open
 * runs to the end; a phrase ends at its closing quote); a word's inner punctuation joins its parts,
 * so each term is matched as a phrase of the words the engine finds in it ({@code night-ferry} as
 * "night ferry", {@code ferry+harbour} as "ferry harbour"); dashes at the start of a term leave out
 * texts that contain it; {@code or} between two terms that are looked for makes them alternatives,
 * binding closer than the space ({@code a or b c} is (a or b) and c); an {@code or} without such
 * a term on both sides, and a term without a letter or digit, are nothing. Quotes inside a word
 * and backslashes are punctuation.
 *
 * <p>Each engine builds its query from this reading rather than reading {@code q} itself:
 * PostgreSQL's {@code websearch_to_tsquery} and OpenSearch's {@code simple_query_string} read the
 * same text differently (where a dash negates, what {@code or} binds, whether {@code *} is everything).
 *
 * @param included groups that must all match; a group matches when one of its terms does
 * @param excluded terms of which none may match
 */
public record SearchSyntax(List<List<String>> included, List<String> excluded) {

    private static final String OR = "or";

    public static SearchSyntax of(String q) {
        List<List<String>> included = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        boolean afterIncluded = false;
        boolean orPending = false;
        int i = 0;
        while (i < q.length()) {
            if (isSpace(q.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (start < q.length() && q.charAt(start) == '-') {
                start++;
            }
            boolean negated = start > i;
            if (start == q.length() || isSpace(q.charAt(start))) {
                // Dashes with nothing after them leave nothing out.
                i = start;
                continue;
            }
            String term;
            boolean phrase = q.charAt(start) == '"';
            if (phrase) {
                int close = q.indexOf('"', start + 1);
                term = q.substring(start + 1, close < 0 ? q.length() : close);
                i = close < 0 ? q.length() : close + 1;
            } else {
                int end = start;
                while (end < q.length() && !isSpace(q.charAt(end))) {
                    end++;
                }
                term = q.substring(start, end);
                i = end;
            }
            if (!negated && !phrase && term.toLowerCase(Locale.ROOT).equals(OR)) {
                orPending = orPending || afterIncluded;
                afterIncluded = false;
                continue;
            }
            term = term.replace('"', ' ').replace('\\', ' ').strip();
            if (term.codePoints().noneMatch(Character::isLetterOrDigit)) {
                // Punctuation alone ("*", "?", "(", an emoji) is no word: the database's parser reads
                // nothing in it, and OpenSearch would read a must or must_not clause of nothing.
                continue;
            }
            if (negated) {
                excluded.add(term);
                afterIncluded = false;
            } else if (orPending) {
                included.get(included.size() - 1).add(term);
                afterIncluded = true;
            } else {
                List<String> group = new ArrayList<>();
                group.add(term);
                included.add(group);
                afterIncluded = true;
            }
            orPending = false;
        }
        return new SearchSyntax(included.stream().map(List::copyOf).toList(), List.copyOf(excluded));
    }

    /** Whether nothing is looked for and nothing left out: such a {@code q} finds nothing. */
    public boolean isEmpty() {
        return included.isEmpty() && excluded.isEmpty();
    }

    /** Every term looked for, in order: what highlights mark. */
    public List<String> includedTerms() {
        return included.stream().flatMap(List::stream).toList();
    }

    /** White space, the no-break spaces included: both engines' analyzers split words at them too. */
    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
