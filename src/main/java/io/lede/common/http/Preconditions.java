package io.lede.common.http;

import jakarta.ws.rs.core.EntityTag;

import io.lede.common.error.ProblemException;
import io.lede.common.error.ProblemType;

/**
 * {@code If-Match} on writes that replace or patch: required (428 without it) and compared
 * strongly with the item's current ETag (412 when stale), before anything is changed.
 */
public final class Preconditions {

    private Preconditions() {
    }

    public static void requireMatch(String ifMatch, EntityTag current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ProblemException.of(ProblemType.PRECONDITION_REQUIRED,
                    "Send If-Match with the ETag you last read, so that edits made meanwhile are not overwritten");
        }
        if (!matches(ifMatch, current)) {
            throw ProblemException.of(ProblemType.STALE,
                    "The item changed since that ETag was read; fetch it again and reapply the change");
        }
    }

    static boolean matches(String ifMatch, EntityTag current) {
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*")) {
                return true;
            }
            // Weak tags never match for If-Match (RFC 9110, strong comparison).
            if (tag.equals("\"" + current.getValue() + "\"")) {
                return true;
            }
        }
        return false;
    }
}
