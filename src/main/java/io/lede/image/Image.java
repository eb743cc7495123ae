package io.lede.image;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An uploaded picture as stored: metadata here, the file in the {@link ImageStore} under {@link #storageKey}. */
@Entity
public class Image extends PanacheEntityBase {

    @Id
    public UUID id;

    public String caption;

    public String credit;

    public String altText;

    public String creator;

    public String copyrightNotice;

    /** ThumbHash of the picture, base64; null for images stored before placeholders existed. */
    public String thumbhash;

    /** {@code #rrggbb}, lower case; null like {@link #thumbhash}. */
    public String dominantColor;

    /** As displayed, after EXIF orientation. */
    public int width;

    public int height;

    public String mimeType;

    public long bytes;

    // Named explicitly: the naming strategy only splits "focalX" before an upper-case letter followed by a lower-case one.
    @Column(name = "focal_x")
    public Float focalX;

    @Column(name = "focal_y")
    public Float focalY;

    public String storageKey;

    public Instant createdAt;

    public Instant updatedAt;

    @Version
    public long version;

    public ImageFormat format() {
        for (ImageFormat format : ImageFormat.values()) {
            if (format.mimeType().equals(mimeType)) {
                return format;
            }
        }
        throw new IllegalStateException("Stored image " + id + " has an unknown type " + mimeType);
    }

    public static List<Image> withIds(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }

    /** For a write: locked until the transaction ends, so no other write comes between its checks and its change. */
    public static Optional<Image> lockedById(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The ones of these that exist, locked against deletion (not against reading) until the transaction ends. */
    public static List<Image> lockedForShare(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : find("id in ?1", ids).withLock(LockModeType.PESSIMISTIC_READ).list();
    }
}
