package io.lede.http;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * JSON escapes for documents partners paste into an HTML page: {@code <}, {@code >}, {@code &}
 * and {@code '} as {@code \u003c}-style escapes, and U+2028/U+2029 (line breaks to JavaScript).
 * Every JSON reader decodes them to the same text, but a headline holding {@code </script>} can
 * no longer end the {@code <script type="application/ld+json">} block it is embedded in. Jackson
 * has the hook (CharacterEscapes) but no ready-made HTML-safe set, hence this small class.
 */
final class ScriptSafeEscapes extends CharacterEscapes {

    private static final SerializableString LINE_SEPARATOR = new SerializedString("\\u2028");
    private static final SerializableString PARAGRAPH_SEPARATOR = new SerializedString("\\u2029");

    private final int[] ascii;

    ScriptSafeEscapes() {
        ascii = CharacterEscapes.standardAsciiEscapesForJSON();
        for (char c : new char[] { '<', '>', '&', '\'' }) {
            ascii[c] = CharacterEscapes.ESCAPE_STANDARD;
        }
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        if (ch == 0x2028) {
            return LINE_SEPARATOR;
        }
        if (ch == 0x2029) {
            return PARAGRAPH_SEPARATOR;
        }
        return null;
    }
}
