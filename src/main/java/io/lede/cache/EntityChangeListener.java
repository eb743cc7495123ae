package io.lede.cache;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.spi.AbstractCollectionEvent;
import org.hibernate.event.spi.PostCollectionRecreateEvent;
import org.hibernate.event.spi.PostCollectionRecreateEventListener;
import org.hibernate.event.spi.PostCollectionRemoveEvent;
import org.hibernate.event.spi.PostCollectionRemoveEventListener;
import org.hibernate.event.spi.PostCollectionUpdateEvent;
import org.hibernate.event.spi.PostCollectionUpdateEventListener;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.event.spi.PreCollectionRecreateEvent;
import org.hibernate.event.spi.PreCollectionRecreateEventListener;
import org.hibernate.event.spi.PreCollectionRemoveEvent;
import org.hibernate.event.spi.PreCollectionRemoveEventListener;
import org.hibernate.event.spi.PreCollectionUpdateEvent;
import org.hibernate.event.spi.PreCollectionUpdateEventListener;
import org.hibernate.event.spi.PreDeleteEvent;
import org.hibernate.event.spi.PreDeleteEventListener;
import org.hibernate.event.spi.PreInsertEvent;
import org.hibernate.event.spi.PreInsertEventListener;
import org.hibernate.event.spi.PreUpdateEvent;
import org.hibernate.event.spi.PreUpdateEventListener;
import org.hibernate.persister.collection.CollectionPersister;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.proxy.HibernateProxy;
import org.hibernate.proxy.LazyInitializer;
import org.hibernate.type.Type;

import io.quarkus.arc.Arc;
import io.quarkus.logging.Log;

/**
 * Turns every entity and collection write Hibernate executes into surrogate keys, with the state
 * before and after it, so that a commit invalidates exactly what it changed.
 *
 * <p>Each write is bracketed by a pre and a post event around its SQL. Between them the tables it
 * writes are an open window for {@link ContentWriteInspector}: any other write statement (bulk
 * HQL, native SQL) is one this listener cannot describe, and the transaction then changes
 * everything. So a new write path can be imprecise, never unnoticed.
 */
public class EntityChangeListener implements PreInsertEventListener, PostInsertEventListener, PreUpdateEventListener,
        PostUpdateEventListener, PreDeleteEventListener, PostDeleteEventListener, PreCollectionRecreateEventListener,
        PostCollectionRecreateEventListener, PreCollectionUpdateEventListener, PostCollectionUpdateEventListener,
        PreCollectionRemoveEventListener, PostCollectionRemoveEventListener {

    /** Whether the collection action under way on this thread changes the collection's elements. */
    private static final ThreadLocal<Boolean> COLLECTION_CHANGES = new ThreadLocal<>();

    private volatile ContentChanges changes;

    @Override
    public boolean onPreInsert(PreInsertEvent event) {
        open(event.getPersister());
        return false;
    }

    @Override
    public void onPostInsert(PostInsertEvent event) {
        EntityPersister persister = event.getPersister();
        close(new EntityChange(EntityChange.Kind.INSERT, persister.getMappedClass(), event.getId(), null,
                state(persister, event.getState(), event.getSession()), null));
    }

    @Override
    public boolean onPreUpdate(PreUpdateEvent event) {
        open(event.getPersister());
        return false;
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        EntityPersister persister = event.getPersister();
        if (event.getOldState() == null) {
            // An update without the state it replaces (a detached entity): its old keys are unknown.
            contentChanges().touchedEverything();
        }
        close(new EntityChange(EntityChange.Kind.UPDATE, persister.getMappedClass(), event.getId(),
                state(persister, event.getOldState(), event.getSession()),
                state(persister, event.getState(), event.getSession()), null));
    }

    @Override
    public boolean onPreDelete(PreDeleteEvent event) {
        open(event.getPersister());
        return false;
    }

    @Override
    public void onPostDelete(PostDeleteEvent event) {
        EntityPersister persister = event.getPersister();
        close(new EntityChange(EntityChange.Kind.DELETE, persister.getMappedClass(), event.getId(),
                state(persister, event.getDeletedState(), event.getSession()), null, null));
    }

    @Override
    public void onPreRecreateCollection(PreCollectionRecreateEvent event) {
        openCollection(event, true);
    }

    @Override
    public void onPostRecreateCollection(PostCollectionRecreateEvent event) {
        closeCollection(event);
    }

    @Override
    public void onPreUpdateCollection(PreCollectionUpdateEvent event) {
        openCollection(event, !unchanged(event));
    }

    @Override
    public void onPostUpdateCollection(PostCollectionUpdateEvent event) {
        closeCollection(event);
    }

    @Override
    public void onPreRemoveCollection(PreCollectionRemoveEvent event) {
        openCollection(event, true);
    }

    @Override
    public void onPostRemoveCollection(PostCollectionRemoveEvent event) {
        closeCollection(event);
    }

    private void open(EntityPersister persister) {
        contentChanges().openWindow(tables(persister.getPropertySpaces()));
    }

    private void openCollection(AbstractCollectionEvent event, boolean changesElements) {
        COLLECTION_CHANGES.set(changesElements);
        CollectionPersister persister = collectionPersister(event);
        contentChanges().openWindow(tables(persister.getCollectionSpaces()));
    }

    private void closeCollection(AbstractCollectionEvent event) {
        boolean changesElements = !Boolean.FALSE.equals(COLLECTION_CHANGES.get());
        COLLECTION_CHANGES.remove();
        if (!changesElements) {
            // Rewritten with the same elements (a save that cleared and refilled it): nothing to invalidate.
            contentChanges().closeWindow(Set.of());
            return;
        }
        CollectionPersister persister = collectionPersister(event);
        EntityPersister ownerPersister = persister.getOwnerEntityPersister();
        Object owner = event.getAffectedOwnerOrNull();
        Map<String, Object> ownerState = owner == null ? null
                : state(ownerPersister, ownerPersister.getPropertyValues(owner), event.getSession());
        String property = persister.getRole().substring(ownerPersister.getEntityName().length() + 1);
        Object ownerId = event.getAffectedOwnerIdOrNull();
        if (ownerId == null) {
            contentChanges().touchedEverything();
            contentChanges().closeWindow(Set.of());
            return;
        }
        close(new EntityChange(EntityChange.Kind.COLLECTION, ownerPersister.getMappedClass(), ownerId, ownerState,
                ownerState, property));
    }

    private void close(EntityChange change) {
        ContentKeySource source = contentChanges().source(change.entity());
        Set<String> keys = new LinkedHashSet<>();
        if (source == null) {
            Log.debugf("No surrogate keys known for %s: everything derived will be dropped", change.entity().getName());
            contentChanges().touchedEverything();
        } else {
            try {
                source.keys(change, keys);
            } catch (RuntimeException e) {
                // A bug in a key source must not fail the write: it costs the cache, not the data.
                Log.warnf(e, "Could not work out the surrogate keys of a change to %s: everything derived will be dropped",
                        change.entity().getName());
                contentChanges().touchedEverything();
            }
        }
        contentChanges().closeWindow(keys);
    }

    private static boolean unchanged(PreCollectionUpdateEvent event) {
        PersistentCollection<?> collection = event.getCollection();
        try {
            return collection.wasInitialized() && collection.equalsSnapshot(collectionPersister(event));
        } catch (RuntimeException e) {
            // Cannot tell: treat it as changed.
            return false;
        }
    }

    private static CollectionPersister collectionPersister(AbstractCollectionEvent event) {
        return event.getSession().getFactory().getMappingMetamodel()
                .getCollectionDescriptor(event.getCollection().getRole());
    }

    /** Property name to value; associated entities by id, collections left out. */
    private static Map<String, Object> state(EntityPersister persister, Object[] values, SharedSessionContractImplementor session) {
        if (values == null) {
            return null;
        }
        String[] names = persister.getPropertyNames();
        Type[] types = persister.getPropertyTypes();
        Map<String, Object> state = new HashMap<>();
        for (int i = 0; i < names.length && i < values.length; i++) {
            if (types[i].isCollectionType()) {
                continue;
            }
            Object value = values[i];
            if (value != null && types[i].isEntityType()) {
                value = idOf(value, session);
            }
            state.put(names[i], value);
        }
        return state;
    }

    private static Object idOf(Object entity, SharedSessionContractImplementor session) {
        LazyInitializer lazy = HibernateProxy.extractLazyInitializer(entity);
        if (lazy != null) {
            return lazy.getIdentifier();
        }
        return session.getEntityPersister(null, entity).getIdentifier(entity, session);
    }

    private static Set<String> tables(String[] spaces) {
        Set<String> tables = new HashSet<>();
        for (String space : spaces) {
            tables.add(ContentWriteInspector.normalize(space));
        }
        return tables;
    }

    private ContentChanges contentChanges() {
        ContentChanges known = changes;
        if (known == null) {
            known = Arc.container().instance(ContentChanges.class).get();
            changes = known;
        }
        return known;
    }
}
