-- The optional search engine's outbox: see the PostgreSQL twin of this migration.
create table hsearch_agent (
    id uuid not null primary key,
    type enum ('EVENT_PROCESSING_DYNAMIC_SHARDING', 'EVENT_PROCESSING_STATIC_SHARDING', 'MASS_INDEXING') not null,
    name varchar(255) not null,
    expiration timestamp(6) with time zone not null,
    state enum ('RUNNING', 'SUSPENDED', 'WAITING') not null,
    total_shard_count integer,
    assigned_shard_index integer,
    tenant_id varchar(255),
    payload blob
);

create table hsearch_outbox_event (
    id uuid not null primary key,
    entity_name varchar(256) not null,
    entity_id varchar(256) not null,
    entity_id_hash integer not null,
    tenant_id varchar(255),
    payload blob not null,
    retries integer not null,
    process_after timestamp(6) with time zone not null,
    status enum ('ABORTED', 'PENDING') not null
);
create index hsearch_outbox_event_entity_id_hash on hsearch_outbox_event (entity_id_hash);
create index hsearch_outbox_event_status on hsearch_outbox_event (status);
create index hsearch_outbox_event_process_after on hsearch_outbox_event (process_after);
