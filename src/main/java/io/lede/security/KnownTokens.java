package io.lede.security;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.lede.cache.ContentChanged;
import io.lede.cache.ContentChanges;
import io.lede.cache.SurrogateKeys;

/**
 * Tokens recognised from memory (hash of the secret to holder), so that a partner's reads cost no
 * database round trip and can be answered on the event loop. A revocation evicts the token on
 * every replica before it is answered (key {@code token-<id>}, through {@link ContentChanges} and
 * the replicas' notifications), and each entry is checked against the changes made since it was
 * read, so a look-up that raced a revocation cannot bring the token back. While changes made on
 * other replicas could go unnoticed, memory is not trusted and every look-up asks the database.
 */
@ApplicationScoped
public class KnownTokens {

    /** Tokens remembered at most; the least recently used go first. */
    static final int MAX_TOKENS = 10_000;

    /** A holder as read, with the content generation it is known current at. */
    private static final class Remembered {
        final TokenService.Holder holder;
        final Set<String> keys;
        volatile long checked;

        Remembered(TokenService.Holder holder, long checked) {
            this.holder = holder;
            this.keys = Set.of(keyOf(holder.tokenId()));
            this.checked = checked;
        }
    }

    private final SecurityConfig config;
    private final ContentChanges changes;
    private final Cache<String, Remembered> tokens = Caffeine.newBuilder().maximumSize(MAX_TOKENS).build();

    public KnownTokens(SecurityConfig config, ContentChanges changes) {
        this.config = config;
        this.changes = changes;
    }

    /** The surrogate key of a token: what a write to it (a revocation) invalidates. */
    static String keyOf(UUID tokenId) {
        return SurrogateKeys.key("token", tokenId);
    }

    /**
     * The holder of a secret without the database: the bootstrap admin, or a stored token read
     * before and still current. Empty means "ask the database", not "unknown".
     */
    public Optional<TokenService.Holder> find(String secret) {
        Optional<String> bootstrap = config.bootstrapAdminToken().filter(token -> !token.isBlank());
        if (bootstrap.isPresent() && TokenSecrets.sameSecret(bootstrap.get(), secret)) {
            return Optional.of(new TokenService.Holder(TokenService.BOOTSTRAP_NAME, Role.ADMIN, null));
        }
        if (!changes.isShared()) {
            return Optional.empty();
        }
        String hash = TokenSecrets.hash(secret);
        Remembered token = tokens.getIfPresent(hash);
        if (token == null) {
            return Optional.empty();
        }
        long now = changes.revalidate(token.checked, token.keys);
        if (now < 0) {
            tokens.asMap().remove(hash, token);
            return Optional.empty();
        }
        token.checked = now;
        return Optional.of(token.holder);
    }

    /** Where a database look-up starts: the generation its answer is current at. */
    long generation() {
        return changes.generation();
    }

    /** An active token the database returned, read at {@code readAt}. */
    void remember(String hash, TokenService.Holder holder, long readAt) {
        if (holder.tokenId() != null && changes.isShared()) {
            tokens.put(hash, new Remembered(holder, readAt));
        }
    }

    /** Forgets what a change touched: a revoked token, or everything. */
    void forget(@Observes ContentChanged change) {
        if (change.everything()) {
            tokens.invalidateAll();
        } else {
            tokens.asMap().values().removeIf(token -> change.touches(token.keys));
        }
    }
}
