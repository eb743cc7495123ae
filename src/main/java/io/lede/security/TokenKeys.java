package io.lede.security;

import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.lede.cache.ContentKeySource;
import io.lede.cache.EntityChange;

/** A write to a token (its revocation) invalidates the token's look-ups on every replica. */
@ApplicationScoped
public class TokenKeys implements ContentKeySource {

    @Override
    public Set<Class<?>> entities() {
        return Set.of(ApiToken.class);
    }

    @Override
    public void keys(EntityChange change, Set<String> keys) {
        keys.add(KnownTokens.keyOf((UUID) change.id()));
    }
}
