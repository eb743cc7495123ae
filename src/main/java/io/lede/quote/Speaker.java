package io.lede.quote;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A person quoted. Only the identity is stored here; the name and role shown come from the
 * speaker's latest quote, so a role changes by quoting them in their new role.
 */
@Entity
public class Speaker extends PanacheEntityBase {

    @Id
    public UUID id;

    public String normalizedName;

    public Instant createdAt;

    /**
     * The speaker with this name in any spelling, created on first use. Found locked against
     * deletion until the transaction ends, so that a speaker whose last other quote goes meanwhile
     * stays for the quote being written. Two writers creating one new speaker together both insert
     * it; the unique name refuses one, whose write runs again and finds it (see RetryOnConflict).
     */
    public static Speaker named(String name) {
        String key = SpeakerNames.normalize(name);
        Optional<Speaker> known = find("normalizedName", key).withLock(LockModeType.PESSIMISTIC_READ).firstResultOptional();
        return known.orElseGet(() -> {
            Speaker speaker = new Speaker();
            speaker.id = UUID.randomUUID();
            speaker.normalizedName = key;
            speaker.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            speaker.persistAndFlush();
            return speaker;
        });
    }

    /** Locked for writing until the transaction ends: no quote can name them meanwhile. */
    public static void lockForUpdate(Speaker speaker) {
        getEntityManager().lock(speaker, LockModeType.PESSIMISTIC_WRITE);
    }

    public static Optional<Speaker> findByName(String name) {
        return find("normalizedName", SpeakerNames.normalize(name)).firstResultOptional();
    }
}
