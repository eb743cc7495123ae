package io.lede.http;

import jakarta.ws.rs.core.EntityTag;

/**
 * The {@code If-Match} header of a write, and whether the write needs one: PUT and PATCH do (428
 * without it), DELETE checks it only when sent.
 */
public record IfMatch(String value, boolean required) {

    public static IfMatch required(String value) {
        return new IfMatch(value, true);
    }

    public static IfMatch optional(String value) {
        return new IfMatch(value, false);
    }

    /** Whether there is anything to check: a required header (428 when missing), or an optional one that was sent. */
    public boolean applies() {
        return required || value != null;
    }

    /** 428 or 412 unless the header names {@code current}. */
    public void check(EntityTag current) {
        Preconditions.requireMatch(value, current);
    }
}
