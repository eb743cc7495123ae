package io.lede.article;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** What is left of a deleted article: its id and when it went, so that sync clients can drop it too. */
@Entity
public class ArticleTombstone extends PanacheEntityBase {

    @Id
    public UUID id;

    public Instant deletedAt;

    public static ArticleTombstone of(UUID id, Instant deletedAt) {
        ArticleTombstone tombstone = new ArticleTombstone();
        tombstone.id = id;
        tombstone.deletedAt = deletedAt;
        return tombstone;
    }
}
