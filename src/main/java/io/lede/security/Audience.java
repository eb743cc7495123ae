package io.lede.security;

import io.lede.http.CachePolicy;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who a read is for: what it may show (only editors and admins see what is not out yet) and how
 * caches may keep the response (anything read with a token is a private copy).
 */
public enum Audience {
    ANONYMOUS,
    /** A reader token: partner sites and apps. */
    PARTNER,
    EDITOR,
    ADMIN;

    public static Audience of(SecurityIdentity caller) {
        if (caller.isAnonymous()) {
            return ANONYMOUS;
        }
        if (caller.hasRole(Roles.ADMIN)) {
            return ADMIN;
        }
        return caller.hasRole(Roles.EDITOR) ? EDITOR : PARTNER;
    }

    /** Editors and admins see drafts, scheduled and archived articles, and the quotes gathered for them. */
    public boolean seesUnpublished() {
        return this == EDITOR || this == ADMIN;
    }

    /** How shared caches may keep a response for this audience; {@code onlyPublished}: it shows nothing unpublished. */
    public CachePolicy cachePolicy(boolean onlyPublished) {
        return CachePolicy.of(this != ANONYMOUS, onlyPublished);
    }

    /** How shared caches may keep a response that shows only published content. */
    public CachePolicy cachePolicy() {
        return cachePolicy(true);
    }
}
