package io.lede.security;

import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.lede.cache.ContentKeySource;
import io.lede.cache.EntityChange;
import io.quarkus.security.identity.SecurityIdentity;

/** A write to a token (its revocation) invalidates the token's look-ups on every replica. */
@ApplicationScoped
public class TokenKeys implements ContentKeySource {

    /** The key whose change ends what the caller's token opened (its revocation); null without a stored token. */
    public static String ofCaller(SecurityIdentity caller) {
        Object id = caller.getAttribute(ApiTokenIdentityProvider.TOKEN_ID_ATTRIBUTE);
        return id == null ? null : KnownTokens.keyOf(UUID.fromString(id.toString()));
    }

    @Override
    public Set<Class<?>> entities() {
        return Set.of(ApiToken.class);
    }

    @Override
    public void keys(EntityChange change, Set<String> keys) {
        keys.add(KnownTokens.keyOf((UUID) change.id()));
    }
}
