-- The embedded twin of db/migration/postgresql/V2 (no tsvector; search falls back to LIKE).

create table speaker (
    id              uuid primary key,
    normalized_name varchar(200) not null,
    created_at      timestamp with time zone not null,
    constraint speaker_normalized_name_unique unique (normalized_name)
);

create table quote (
    id            uuid primary key,
    text          varchar(5000) not null,
    speaker_id    uuid          not null references speaker (id),
    speaker_name  varchar(200)  not null,
    speaker_role  varchar(200),
    article_id    uuid references article (id) on delete set null,
    said_at       timestamp with time zone,
    dated_at      timestamp with time zone not null,
    context       varchar(500),
    language      varchar(35)   not null,
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    version       bigint        not null
);
create index quote_dated_idx on quote (dated_at desc, id desc);
create index quote_speaker_idx on quote (speaker_id, dated_at desc, id desc);
create index quote_article_idx on quote (article_id);

create table article_quote (
    article_id uuid    not null references article (id) on delete cascade,
    position   integer not null,
    quote_id   uuid    not null references quote (id),
    primary key (article_id, position)
);
create index article_quote_quote_idx on article_quote (quote_id);
