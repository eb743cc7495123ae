package io.lede.search;

/**
 * Lede's web-search syntax split as {@code simple_query_string} takes it: {@code included} has the
 * words that must all occur, {@code "phrases"} and {@code |} for {@code or}; {@code excluded} the
 * words and phrases after {@code -}, joined with {@code |}. Characters that are operators there
 * but not in Lede's syntax are dropped; an unclosed quote runs to the end, as on PostgreSQL.
 * Either is null when empty.
 */
record EngineQuery(String included, String excluded) {

    static EngineQuery of(String q) {
        StringBuilder included = new StringBuilder();
        StringBuilder excluded = new StringBuilder();
        int i = 0;
        while (i < q.length()) {
            if (Character.isWhitespace(q.charAt(i))) {
                i++;
                continue;
            }
            boolean negated = q.charAt(i) == '-' && i + 1 < q.length() && !Character.isWhitespace(q.charAt(i + 1));
            int start = negated ? i + 1 : i;
            int end;
            String token;
            if (q.charAt(start) == '"') {
                int close = q.indexOf('"', start + 1);
                end = close < 0 ? q.length() : close + 1;
                String phrase = clean(q.substring(start + 1, close < 0 ? q.length() : close));
                token = phrase.isBlank() ? "" : "\"" + phrase + "\"";
            } else {
                end = start;
                while (end < q.length() && !Character.isWhitespace(q.charAt(end))) {
                    end++;
                }
                String word = q.substring(start, end);
                token = !negated && word.equalsIgnoreCase("or") ? "|" : clean(word).replaceFirst("^[-\\s]+", "");
            }
            i = end;
            if (token.isBlank()) {
                continue;
            }
            StringBuilder part = negated ? excluded : included;
            part.append(part.isEmpty() ? "" : negated ? " | " : " ").append(token);
        }
        String in = included.toString().replaceAll("^\\|\\s*|\\s*\\|$", "").trim();
        return new EngineQuery(in.isEmpty() ? null : in, excluded.isEmpty() ? null : excluded.toString());
    }

    private static String clean(String text) {
        return text.replaceAll("[\"|+\\\\]", " ").trim();
    }
}
