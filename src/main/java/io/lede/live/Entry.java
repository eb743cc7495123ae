package io.lede.live;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.jpa.HibernateHints;
import org.hibernate.type.SqlTypes;

import io.lede.article.BodyBlock;
import io.lede.db.InList;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One update of a live blog, as stored. Never leaves the service: {@link EntryMapper} turns it into {@link EntryView}. */
@Entity
@Table(name = "live_entry")
public class Entry extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The live blog it belongs to; the database deletes entries with their article. */
    public UUID articleId;

    public String title;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<BodyBlock> body = new ArrayList<>();

    /** The quotes its body uses, in body order, kept in step with the body by {@link EntryMapper}. */
    @ElementCollection
    @CollectionTable(name = "live_entry_quote", joinColumns = @JoinColumn(name = "entry_id"))
    @OrderColumn(name = "position")
    @Column(name = "quote_id")
    public List<UUID> quoteIds = new ArrayList<>();

    /** The images its body uses, in body order, kept in step like {@link #quoteIds}. */
    @ElementCollection
    @CollectionTable(name = "live_entry_image", joinColumns = @JoinColumn(name = "entry_id"))
    @OrderColumn(name = "position")
    @Column(name = "image_id")
    public List<UUID> imageIds = new ArrayList<>();

    public boolean keyEvent;

    public boolean pinned;

    public Instant publishedAt;

    public Instant createdAt;

    public Instant updatedAt;

    @Version
    public long version;

    /** For a write: locked until the transaction ends. An entry of another article is not found. */
    static Optional<Entry> lockedById(UUID articleId, UUID id) {
        return Entry.<Entry> findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).filter(entry -> entry.articleId.equals(articleId));
    }

    /** For reading only, like {@link io.lede.article.Article#findByIdOrSlug}: no snapshot of the body is kept. */
    static Optional<Entry> readOnly(UUID articleId, UUID id) {
        return find("id = ?1 and articleId = ?2", id, articleId).withHint(HibernateHints.HINT_READ_ONLY, true).singleResultOptional();
    }

    /** These entries, in no particular order, read-only. */
    static List<Entry> withIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        InList in = InList.of("id", List.copyOf(ids));
        return in.bind(getEntityManager().createQuery("select e from Entry e where e.id in " + in.placeholders(), Entry.class))
                .setHint(HibernateHints.HINT_READ_ONLY, true).getResultList();
    }
}
