package io.lede.security;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to creating a token: the only response that ever carries its secret. */
@Schema(name = "IssuedToken")
public record IssuedTokenView(
        @Schema(required = true) String id,
        @Schema(required = true) String name,
        @Schema(required = true) Role role,
        @Schema(required = true, description = "The secret; shown only in this response", examples = "lede_3q2-7wJ0pX0a9cJbNq4m8V1n2f3g4h5j6k7l8m9n0pQ")
        String token,
        @Schema(required = true) Instant createdAt) {

    static IssuedTokenView of(TokenService.Issued issued) {
        ApiToken token = issued.token();
        return new IssuedTokenView(token.id.toString(), token.name, token.role, issued.secret(), token.createdAt);
    }
}
