package io.lede.text;

/** Small rules for free text coming in from requests. */
public final class Texts {

    private Texts() {
    }

    /** Optional text: blank means absent; anything else loses surrounding white space. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
