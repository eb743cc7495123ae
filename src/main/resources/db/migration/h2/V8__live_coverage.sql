-- The embedded twin of db/migration/postgresql/V8 (no partial indexes, no text type).
-- Live coverage: live blogs (articles with live set), their entries, and the events that streams
-- replay (GET /v1/articles/{id}/live, GET /v1/events).

alter table article add column live_status varchar(8);
alter table article add column live_started_at timestamp with time zone;
alter table article add column live_ended_at timestamp with time zone;
alter table article add constraint article_live_status_check check (live_status in ('LIVE', 'ENDED'));

-- Entries go with their article. Bodies are blocks as in articles (json, as article bodies are).
create table live_entry (
    id           uuid primary key,
    article_id   uuid         not null references article (id) on delete cascade,
    title        varchar(300),
    body         json         not null,
    key_event    boolean      not null,
    pinned       boolean      not null,
    published_at timestamp with time zone  not null,
    created_at   timestamp with time zone  not null,
    updated_at   timestamp with time zone  not null,
    version      bigint       not null
);
-- Keyset pages of one article's entries, newest first; key events only.
create index live_entry_article_idx on live_entry (article_id, published_at desc, id desc);
create index live_entry_key_event_idx on live_entry (article_id, key_event, published_at desc, id desc);

-- One row per stream (an article's id, or 'site'): the last event id handed out. Writers of a
-- stream's events update this row first, so its lock orders them: ids are given out in commit order,
-- and a reader that has seen id n has seen every id below it.
create table live_stream (
    stream   varchar(64) primary key,
    last_seq bigint      not null
);

-- What streams replay to clients that reconnect with Last-Event-ID; pruned by age and count.
create table live_event (
    stream     varchar(64) not null,
    seq        bigint      not null,
    event      varchar(32) not null,
    data       varchar(1000000) not null,
    is_public  boolean     not null,
    created_at timestamp with time zone not null,
    primary key (stream, seq)
);
create index live_event_created_idx on live_event (created_at);
