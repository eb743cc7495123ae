package io.lede.security;

import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The one role a token has, and the role names it grants (roles are nested: admin ⊃ editor ⊃ reader). */
@Schema(name = "Role", enumeration = { "reader", "editor", "admin" })
public enum Role {
    READER(Set.of(Roles.READER)),
    EDITOR(Set.of(Roles.READER, Roles.EDITOR)),
    ADMIN(Set.of(Roles.READER, Roles.EDITOR, Roles.ADMIN));

    private final Set<String> grants;

    Role(Set<String> grants) {
        this.grants = grants;
    }

    public Set<String> grants() {
        return grants;
    }

    @JsonValue
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Role fromApiName(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
