package io.lede.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/** Turns a presented secret into an identity with the token's roles; the database look-up runs off the event loop. */
@ApplicationScoped
public class ApiTokenIdentityProvider implements IdentityProvider<ApiTokenAuthenticationRequest> {

    static final String TOKEN_ID_ATTRIBUTE = "lede.token-id";

    private final TokenService tokens;

    public ApiTokenIdentityProvider(TokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    public Class<ApiTokenAuthenticationRequest> getRequestType() {
        return ApiTokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiTokenAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> tokens.identify(request.secret())
                .map(holder -> {
                    QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                            .setPrincipal(new QuarkusPrincipal(holder.name()))
                            .addRoles(holder.role().grants());
                    if (holder.tokenId() != null) {
                        identity.addAttribute(TOKEN_ID_ATTRIBUTE, holder.tokenId().toString());
                    }
                    return (SecurityIdentity) identity.build();
                })
                .orElseThrow(() -> new AuthenticationFailedException("Unknown or revoked token")));
    }
}
