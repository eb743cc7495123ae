-- The optional search engine (lede.search.engine=opensearch) is kept up to date through a
-- transactional outbox: every write that changes an indexed article adds a row to
-- hsearch_outbox_event in the write's own transaction, and a background processor on each replica
-- (Hibernate Search's outbox-polling coordination, which hsearch_agent coordinates: each replica
-- takes a share of the events) sends them to the engine and deletes them. A write therefore never
-- waits for, nor fails with, the engine; events wait here while it is down. The tables are what
-- Hibernate Search maps (under Lede's snake_case naming); without an engine they stay empty.
create table hsearch_agent (
    id uuid not null primary key,
    type varchar(255) not null check (type in ('EVENT_PROCESSING_DYNAMIC_SHARDING', 'EVENT_PROCESSING_STATIC_SHARDING', 'MASS_INDEXING')),
    name varchar(255) not null,
    expiration timestamp(6) with time zone not null,
    state varchar(255) not null check (state in ('RUNNING', 'WAITING', 'SUSPENDED')),
    total_shard_count integer,
    assigned_shard_index integer,
    tenant_id varchar(255),
    payload bytea
);

create table hsearch_outbox_event (
    id uuid not null primary key,
    entity_name varchar(256) not null,
    entity_id varchar(256) not null,
    entity_id_hash integer not null,
    tenant_id varchar(255),
    payload bytea not null,
    retries integer not null,
    process_after timestamp(6) with time zone not null,
    status varchar(255) not null check (status in ('PENDING', 'ABORTED'))
);
create index hsearch_outbox_event_entity_id_hash on hsearch_outbox_event (entity_id_hash);
create index hsearch_outbox_event_status on hsearch_outbox_event (status);
create index hsearch_outbox_event_process_after on hsearch_outbox_event (process_after);
