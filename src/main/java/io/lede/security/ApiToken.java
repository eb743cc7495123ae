package io.lede.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An API token as stored: only the SHA-256 of its secret, never the secret. */
@Entity
public class ApiToken extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    @Enumerated(EnumType.STRING)
    public Role role;

    public String tokenHash;

    public Instant createdAt;

    public Instant revokedAt;

    public boolean isActive() {
        return revokedAt == null;
    }

    public static Optional<ApiToken> findActiveByHash(String tokenHash) {
        return find("tokenHash = ?1 and revokedAt is null", tokenHash).firstResultOptional();
    }

    public static List<ApiToken> listNewestFirst() {
        return list("order by createdAt desc, id desc");
    }
}
