package io.lede.article;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.lede.entity.EntityService;
import io.lede.entity.EntitySummary;
import io.lede.entity.EntityType;
import io.lede.entity.EntityView;
import io.lede.error.Problem;
import io.lede.error.ProblemException;

/**
 * The entities an article refers to: its links (about, mentions) and its contributors. Checked on
 * write (each exists, is linked once, a contributor is a person or organisation) and inlined with
 * {@code include=entities}.
 */
@ApplicationScoped
class ArticleEntities {

    static final Set<EntityType> CONTRIBUTOR_TYPES = Set.of(EntityType.PERSON, EntityType.ORGANISATION);

    private final EntityService entities;

    ArticleEntities(EntityService entities) {
        this.entities = entities;
    }

    /**
     * A 400 naming each field whose entity is missing, linked twice or of the wrong type. The ones
     * found stay locked against deletion until the caller's transaction commits.
     */
    void requireValid(ArticleRequest request) {
        List<EntityLink> links = request.entities() == null ? List.of() : request.entities();
        List<Contributor> contributors = request.contributors() == null ? List.of() : request.contributors();
        List<UUID> ids = new ArrayList<>();
        links.forEach(link -> ids.add(link.id()));
        contributors.stream().map(Contributor::entityId).filter(id -> id != null).forEach(ids::add);
        if (ids.isEmpty()) {
            return;
        }
        Map<UUID, EntityView> found = entities.hold(ids);
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < links.size(); i++) {
            UUID id = links.get(i).id();
            if (!found.containsKey(id)) {
                errors.add(new Problem.FieldError("entities[" + i + "].id", "no entity has this id"));
            } else if (!seen.add(id)) {
                errors.add(new Problem.FieldError("entities[" + i + "].id", "is linked already: link each entity once, as about or mentions"));
            }
        }
        for (int i = 0; i < contributors.size(); i++) {
            UUID id = contributors.get(i).entityId();
            if (id == null) {
                continue;
            }
            EntityView entity = found.get(id);
            if (entity == null) {
                errors.add(new Problem.FieldError("contributors[" + i + "].entityId", "no entity has this id"));
            } else if (!CONTRIBUTOR_TYPES.contains(entity.type())) {
                errors.add(new Problem.FieldError("contributors[" + i + "].entityId", "must be a person or an organisation; this entity's type is "
                        + entity.type().apiName()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.validation(errors));
        }
    }

    /** The articles with each entity link carrying its entity: one query for the page. */
    List<ArticleView> inline(List<ArticleView> views) {
        Map<UUID, EntitySummary> byId = entities.summaries(views.stream().flatMap(view -> view.entities().stream())
                .map(EntityLink::id).toList());
        return views.stream().map(view -> view.withEntities(view.entities().stream()
                .map(link -> link.with(byId.get(link.id()))).toList())).toList();
    }
}
