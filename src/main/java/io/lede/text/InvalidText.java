package io.lede.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON value that is well-formed but breaks an input rule (a control character, a time out of
 * range, a number where text belongs). Jackson adds the field's path; the message is ours and is
 * shown to the client as is.
 */
public final class InvalidText extends MismatchedInputException {

    private InvalidText(JsonParser parser, String message) {
        super(parser, message);
    }

    public static InvalidText of(JsonParser parser, String message) {
        return new InvalidText(parser, message);
    }
}
