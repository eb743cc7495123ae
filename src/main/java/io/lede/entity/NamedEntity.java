package io.lede.entity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A person, organisation, place or topic with a global id, as stored. Named so because "entity"
 * alone means a JPA entity here. {@link EntityView} is what clients see.
 */
@Entity
@Table(name = "named_entity")
public class NamedEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public EntityType type;

    public String name;

    /** {@link #name} in lower case: what lists order and filter by. */
    public String lowerName;

    /** Canonical (see {@link EntityUris}); unique. */
    public String uri;

    public String description;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> sameAs = new ArrayList<>();

    public Instant createdAt;

    public Instant updatedAt;

    @Version
    public long version;

    public static Optional<NamedEntity> byUri(String canonicalUri) {
        return find("uri", canonicalUri).firstResultOptional();
    }

    /** For a write: locked until the transaction ends. */
    public static Optional<NamedEntity> lockedById(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The ones of these that exist, locked against deletion (not against reading) until the transaction ends. */
    public static List<NamedEntity> lockedForShare(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return find("id in ?1", ids).withLock(LockModeType.PESSIMISTIC_READ).list();
    }

    public static List<NamedEntity> byIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return list("id in ?1", ids);
    }
}
