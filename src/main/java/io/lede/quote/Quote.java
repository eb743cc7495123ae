package io.lede.quote;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Something a person said, as stored. {@link QuoteMapper} turns it into {@link QuoteView}. */
@Entity
public class Quote extends PanacheEntityBase {

    @Id
    public UUID id;

    public String text;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Speaker speaker;

    /** The name as written on this quote. */
    public String speakerName;

    /** The role the speaker held when this was said; together, a speaker's quotes are their history of roles. */
    public String speakerRole;

    /** The person entity the speaker is, when an editor linked one; the name as written stays the quote's. */
    public UUID speakerEntityId;

    public UUID articleId;

    public Instant saidAt;

    /** {@link #saidAt} when known, else {@link #createdAt}: what lists sort and filter by. */
    public Instant datedAt;

    public String context;

    public String language;

    public Instant createdAt;

    public Instant updatedAt;

    @Version
    public long version;

    /** Quotes with their speakers, in no particular order. */
    public static List<Quote> withSpeakers(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return find("from Quote q join fetch q.speaker where q.id in ?1", ids).list();
    }

    /** Quotes linked to an article by {@link #articleId}, oldest first. */
    public static List<Quote> linkedTo(UUID articleId) {
        return find("from Quote q join fetch q.speaker where q.articleId = ?1 order by q.datedAt, q.id", articleId).list();
    }

    /** For a write: locked until the transaction ends, so no other write comes between its checks and its change. */
    public static Optional<Quote> lockedById(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The ones of these that exist, locked against deletion (not against reading) until the transaction ends. */
    public static List<Quote> lockedForShare(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return find("id in ?1", ids).withLock(LockModeType.PESSIMISTIC_READ).list();
    }

    public static long countBySpeaker(Speaker speaker) {
        return count("speaker", speaker);
    }
}
