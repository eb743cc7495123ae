package io.lede.security;

/** Role names as used in {@code @RolesAllowed}. An admin holds editor and reader too; an editor holds reader. */
public final class Roles {

    public static final String READER = "reader";
    public static final String EDITOR = "editor";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
