-- Webhooks (Standard Webhooks 1.0): partners' endpoints, the outbox of messages to send them, and
-- the log of every attempt.

-- The secret is needed to sign, so it is kept, encrypted (AES-GCM with lede.webhooks.secret-key).
-- events: the subscribed event types, comma-separated.
create table webhook_endpoint (
    id            uuid primary key,
    url           varchar(2000) not null,
    description   varchar(500),
    events        varchar(1000) not null,
    secret        varchar(200)  not null,
    disabled      boolean       not null,
    failing_since timestamp with time zone,
    failure_count integer       not null,
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    version       bigint        not null
);

-- The outbox: one row per message and endpoint, written in the transaction of the change that
-- causes it. id is the webhook-id, the same on every attempt. A sender claims due rows by moving
-- next_attempt_at past the attempt's timeout, so a replica that dies mid-send leaves the row due again.
create table webhook_message (
    id              varchar(40)  primary key,
    endpoint_id     uuid         not null references webhook_endpoint (id) on delete cascade,
    event           varchar(32)  not null,
    payload         text         not null,
    state           varchar(10)  not null,
    attempts        integer      not null,
    created_at      timestamp with time zone not null,
    next_attempt_at timestamp with time zone not null,
    version         bigint       not null,
    constraint webhook_message_state_check check (state in ('PENDING', 'DELIVERED', 'FAILED'))
);
create index webhook_message_due_idx on webhook_message (state, next_attempt_at);
create index webhook_message_endpoint_idx on webhook_message (endpoint_id);

-- Every attempt, newest first per endpoint. status is the receiver's HTTP status, null without one.
create table webhook_delivery (
    id          uuid         primary key,
    message_id  varchar(40)  not null references webhook_message (id) on delete cascade,
    endpoint_id uuid         not null references webhook_endpoint (id) on delete cascade,
    event       varchar(32)  not null,
    attempt     integer      not null,
    status      integer,
    error       varchar(500),
    at          timestamp with time zone not null,
    duration_ms bigint       not null
);
create index webhook_delivery_endpoint_idx on webhook_delivery (endpoint_id, at desc, id desc);
create index webhook_delivery_message_idx on webhook_delivery (message_id);
