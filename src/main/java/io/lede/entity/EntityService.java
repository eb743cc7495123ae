package io.lede.entity;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;

import io.lede.db.RetryOnConflict;
import io.lede.error.ProblemException;
import io.lede.error.ProblemType;
import io.lede.http.IfMatch;
import io.lede.http.VersionedWrites;
import io.lede.input.MergePatcher;
import io.lede.paging.Cursor;
import io.lede.paging.Page;
import io.lede.security.Audience;
import io.lede.text.Ids;
import io.lede.text.Texts;
import io.quarkus.arc.All;
import io.quarkus.logging.Log;

/** Entities' rules: one per URI, visible to the public once published content shows them, kept while it does. */
@ApplicationScoped
@Transactional
@RetryOnConflict
public class EntityService {

    /** The nil UUID: no entity has it. */
    private static final UUID NO_ENTITY = new UUID(0, 0);

    private final EntityQuery query;
    private final MergePatcher patcher;
    private final VersionedWrites writes;
    private final List<EntityUsers> users;
    private final Clock clock;

    EntityService(EntityQuery query, MergePatcher patcher, VersionedWrites writes, @All List<EntityUsers> users, Clock clock) {
        this.query = query;
        this.patcher = patcher;
        this.writes = writes;
        this.users = users;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public EntityView find(String id, Audience audience) {
        return Ids.parse(id)
                .flatMap(uuid -> NamedEntity.<NamedEntity> findByIdOptional(uuid))
                .filter(entity -> audience.seesUnpublished() || query.isPublic(entity.id))
                .map(EntityView::of)
                .orElseThrow(() -> ProblemException.notFound("entity", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<EntityView> list(String q, EntityType type, Cursor after, int limit, boolean count, Audience audience) {
        return Page.of(query.page(q, type, after, limit, audience), limit, rows -> {
            Map<UUID, EntityView> byId = NamedEntity.byIds(rows.stream().map(EntityQuery.Row::id).toList()).stream()
                    .collect(Collectors.toMap(entity -> entity.id, EntityView::of));
            return rows.stream().map(row -> byId.get(row.id())).filter(java.util.Objects::nonNull).toList();
        }, EntityQuery.Row::cursor, count ? query.count(q, type, audience) : null);
    }

    public EntityView create(EntityRequest request) {
        NamedEntity entity = new NamedEntity();
        entity.id = UUID.randomUUID();
        entity.createdAt = now();
        apply(request, entity);
        entity.persistAndFlush();
        Log.infof("Created entity %s (%s)", entity.id, entity.uri);
        return EntityView.of(entity);
    }

    /** PUT: replaces the version the caller's If-Match names. */
    public EntityView replace(String id, EntityRequest request, IfMatch ifMatch) {
        return write(lockedForWrite(id, ifMatch), request);
    }

    /** PATCH: merges into the version the caller's If-Match names, then validates the result as a whole. */
    public EntityView patch(String id, JsonNode patch, IfMatch ifMatch) {
        NamedEntity entity = lockedForWrite(id, ifMatch);
        return write(entity, patcher.apply(toRequest(entity), patch, EntityRequest.class));
    }

    /**
     * Refused while published or scheduled content uses the entity. Drafts that name it keep the
     * id until an editor saves them (then a 400, as for a deleted image); quotes lose the link.
     */
    public void delete(String id, IfMatch ifMatch) {
        NamedEntity entity = lockedForWrite(id, ifMatch);
        List<String> inUse = users.stream().flatMap(user -> user.publicUsersOf(entity.id).stream()).distinct().toList();
        if (!inUse.isEmpty()) {
            throw ProblemException.of(ProblemType.CONFLICT, "Published content uses the entity: " + String.join(", ", inUse)
                    + "; remove it from them first");
        }
        entity.delete();
        NamedEntity.flush();
        Log.infof("Deleted entity %s (%s)", entity.id, entity.uri);
    }

    /**
     * The entities with these ids that exist, locked against deletion until the caller's
     * transaction ends: content that names them is being written. An id missing from the map names
     * no entity.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, EntityView> hold(Collection<UUID> ids) {
        return NamedEntity.lockedForShare(new LinkedHashSet<>(ids)).stream()
                .collect(Collectors.toMap(entity -> entity.id, EntityView::of, (a, b) -> a));
    }

    /** Whether the public may hear of changes to this entity: published content shows it, or it is gone. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean publicOrGone(UUID id) {
        return NamedEntity.findById(id) == null || query.isPublic(id);
    }

    /** Summaries of the entities with these ids that exist, for inlining into content the caller may see. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, EntitySummary> summaries(Collection<UUID> ids) {
        return NamedEntity.byIds(new HashSet<>(ids)).stream()
                .collect(Collectors.toMap(entity -> entity.id, EntitySummary::of, (a, b) -> a));
    }


    /**
     * The id an {@code entity=} filter names: an id, or a URI in either scheme. A well-formed URI
     * no entity has gives an id no entity has either, so the list is empty rather than unfiltered;
     * a value that is neither is a 400.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public UUID filterId(String idOrUri, String parameter) {
        Optional<UUID> id = Ids.parse(idOrUri);
        if (id.isPresent()) {
            return id.get();
        }
        String uri = EntityUris.canonical(idOrUri)
                .orElseThrow(() -> ProblemException.invalid(parameter, "must be an entity id or URI; a URI " + EntityUris.RULE));
        return NamedEntity.byUri(uri).map(entity -> entity.id).orElse(NO_ENTITY);
    }

    private EntityView write(NamedEntity entity, EntityRequest request) {
        apply(request, entity);
        NamedEntity.flush();
        return EntityView.of(entity);
    }

    private NamedEntity lockedForWrite(String id, IfMatch ifMatch) {
        return writes.lock(id, "entity", NamedEntity::lockedById, ifMatch, EntityView::of);
    }

    private void apply(EntityRequest request, NamedEntity entity) {
        String uri = EntityUris.canonical(request.uri()).orElseThrow(() -> ProblemException.invalid("uri", EntityUris.RULE));
        Optional<NamedEntity> holder = NamedEntity.byUri(uri);
        if (holder.isPresent() && !holder.get().id.equals(entity.id)) {
            throw ProblemException.of(ProblemType.CONFLICT, "Entity " + holder.get().id + " already has the URI " + uri);
        }
        if (entity.type != null && entity.type != request.type()) {
            List<String> refusing = users.stream().flatMap(user -> user.refusingType(entity.id, request.type()).stream()).toList();
            if (!refusing.isEmpty()) {
                throw ProblemException.of(ProblemType.CONFLICT, "Type " + request.type().apiName() + " cannot fill the role this entity has in: "
                        + String.join(", ", refusing) + "; unlink it there first");
            }
        }
        entity.type = request.type();
        entity.name = request.name().strip();
        entity.lowerName = lower(entity.name);
        entity.uri = uri;
        entity.description = Texts.blankToNull(request.description());
        entity.sameAs = request.sameAs() == null ? new ArrayList<>()
                : new ArrayList<>(request.sameAs().stream().map(String::strip).distinct().toList());
        entity.updatedAt = now();
    }

    private static EntityRequest toRequest(NamedEntity entity) {
        return new EntityRequest(entity.type, entity.name, entity.uri, entity.description, List.copyOf(entity.sameAs));
    }

    static String lower(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
