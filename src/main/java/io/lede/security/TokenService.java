package io.lede.security;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.lede.error.ProblemException;
import io.lede.error.ProblemType;
import io.quarkus.logging.Log;

/** Issues, lists, revokes and recognises API tokens. */
@ApplicationScoped
@Transactional
public class TokenService {

    /** A token that was just made: the only moment its secret exists outside the client. */
    public record Issued(ApiToken token, String secret) {
    }

    /** Who a secret belongs to. */
    public record Holder(String name, Role role, UUID tokenId) {
    }

    static final String BOOTSTRAP_NAME = "bootstrap-admin";

    private final KnownTokens known;

    public TokenService(KnownTokens known) {
        this.known = known;
    }

    public Issued issue(String name, Role role) {
        ApiToken token = new ApiToken();
        token.id = UUID.randomUUID();
        token.name = name.strip();
        token.role = role;
        String secret = TokenSecrets.newSecret();
        token.tokenHash = TokenSecrets.hash(secret);
        token.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        token.persist();
        Log.infof("Issued %s token %s (%s)", role.apiName(), token.id, token.name);
        return new Issued(token, secret);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ApiToken> list() {
        return ApiToken.listNewestFirst();
    }

    /**
     * Revokes at once. A revoked token is gone as far as revoking goes: a second revocation is a
     * 404, like a second delete of anything, and of two racing revocations exactly one succeeds.
     * The row is locked while it is read, so the loser waits for the winner and then sees it revoked.
     */
    public ApiToken revoke(UUID id) {
        ApiToken token = ApiToken.<ApiToken> findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .filter(ApiToken::isActive)
                .orElseThrow(() -> ProblemException.of(ProblemType.NOT_FOUND, "No active token matches '" + id + "'"));
        token.revokedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Log.infof("Revoked token %s (%s)", token.id, token.name);
        return token;
    }

    /**
     * The holder of an active secret: the configured bootstrap admin, or a stored token, from
     * memory when {@link KnownTokens} has it. Runs in its own short transaction: authentication
     * happens before any request context exists.
     */
    public Optional<Holder> identify(String secret) {
        Optional<Holder> remembered = known.find(secret);
        if (remembered.isPresent()) {
            return remembered;
        }
        String hash = TokenSecrets.hash(secret);
        long readAt = known.generation();
        Optional<Holder> holder = ApiToken.findActiveByHash(hash)
                // The look-up is by hash; compare again in constant time rather than trust the index's equality.
                .filter(token -> TokenSecrets.sameSecret(token.tokenHash, hash))
                .map(token -> new Holder(token.name, token.role, token.id));
        holder.ifPresent(found -> known.remember(hash, found, readAt));
        return holder;
    }
}
