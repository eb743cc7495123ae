package io.lede.security;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Turns a presented secret into an identity with the token's roles: from memory when the token is
 * known ({@link KnownTokens}), otherwise by a database look-up off the event loop.
 */
@ApplicationScoped
public class ApiTokenIdentityProvider implements IdentityProvider<ApiTokenAuthenticationRequest> {

    static final String TOKEN_ID_ATTRIBUTE = "lede.token-id";

    private final TokenService tokens;
    private final KnownTokens known;

    public ApiTokenIdentityProvider(TokenService tokens, KnownTokens known) {
        this.tokens = tokens;
        this.known = known;
    }

    @Override
    public Class<ApiTokenAuthenticationRequest> getRequestType() {
        return ApiTokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiTokenAuthenticationRequest request, AuthenticationRequestContext context) {
        // A token seen before is known from memory, on the event loop; only a new one costs a look-up.
        Optional<TokenService.Holder> remembered = known.find(request.secret());
        if (remembered.isPresent()) {
            return Uni.createFrom().item(identity(remembered.get()));
        }
        return context.runBlocking(() -> tokens.identify(request.secret())
                .map(ApiTokenIdentityProvider::identity)
                .orElseThrow(() -> new AuthenticationFailedException("Unknown or revoked token")));
    }

    private static SecurityIdentity identity(TokenService.Holder holder) {
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(holder.name()))
                .addRoles(holder.role().grants());
        if (holder.tokenId() != null) {
            identity.addAttribute(TOKEN_ID_ATTRIBUTE, holder.tokenId().toString());
        }
        return identity.build();
    }
}
