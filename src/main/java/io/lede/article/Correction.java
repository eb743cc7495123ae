package io.lede.article;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A correction, clarification or update published on an article. Never edited or removed: a record of what changed. */
@Entity
@Table(name = "article_correction")
public class Correction extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID articleId;

    @Enumerated(EnumType.STRING)
    public CorrectionView.Kind kind;

    public String text;

    public Instant publishedAt;

    /** The corrections of these articles, oldest first. */
    static List<Correction> of(Collection<UUID> articleIds) {
        if (articleIds.isEmpty()) {
            return List.of();
        }
        return list("articleId in ?1 order by publishedAt, id", articleIds);
    }

    CorrectionView toView() {
        return new CorrectionView(id.toString(), kind, text, publishedAt);
    }
}
