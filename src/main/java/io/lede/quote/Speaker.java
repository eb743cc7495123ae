package io.lede.quote;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

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

    /** The speaker with this name in any spelling, created on first use. */
    public static Speaker named(String name) {
        String key = SpeakerNames.normalize(name);
        return Speaker.<Speaker> find("normalizedName", key).firstResultOptional().orElseGet(() -> {
            Speaker speaker = new Speaker();
            speaker.id = UUID.randomUUID();
            speaker.normalizedName = key;
            speaker.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            speaker.persist();
            return speaker;
        });
    }

    public static Optional<Speaker> findByName(String name) {
        return find("normalizedName", SpeakerNames.normalize(name)).firstResultOptional();
    }
}
