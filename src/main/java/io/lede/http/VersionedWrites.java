package io.lede.http;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.lede.error.ProblemException;
import io.lede.text.Ids;

/**
 * The one way an existing item is changed or deleted: the service loads it locked for writing,
 * this checks the caller's {@code If-Match} against the ETag a GET would give it now, and the
 * service writes, all in one transaction. No other write can come between the check and the
 * write, so a stale {@code If-Match} never changes or deletes a version the caller did not see.
 */
@ApplicationScoped
public class VersionedWrites {

    private final Representations representations;

    public VersionedWrites(Representations representations) {
        this.representations = representations;
    }

    /**
     * The item with this id, locked for writing until the transaction ends, once {@code ifMatch}
     * holds for it: 404 when there is none (an id that is not a UUID names none), then 428/412.
     *
     * @param lockedById loads an item locked for writing
     * @param view the item as an editor's GET shows it, whose bytes give the ETag
     */
    public <E> E lock(String id, String what, Function<UUID, Optional<E>> lockedById, IfMatch ifMatch, Function<E, ?> view) {
        E item = Ids.parse(id).flatMap(lockedById).orElseThrow(() -> ProblemException.notFound(what, id));
        if (ifMatch.applies()) {
            ifMatch.check(representations.etagOf(view.apply(item)));
        }
        return item;
    }
}
