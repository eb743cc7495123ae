package io.lede.security;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A token as listed: never its secret. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Token")
public record TokenView(
        @Schema(required = true) String id,
        @Schema(required = true) String name,
        @Schema(required = true) Role role,
        @Schema(required = true) Instant createdAt,
        @Schema(description = "When it was revoked; absent while it works") Instant revokedAt) {

    static TokenView of(ApiToken token) {
        return new TokenView(token.id.toString(), token.name, token.role, token.createdAt, token.revokedAt);
    }
}
