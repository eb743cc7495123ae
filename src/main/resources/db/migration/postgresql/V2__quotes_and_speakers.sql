-- Quotes, their speakers, and which quotes each article's body uses (in body order).

-- A speaker is one person however their name is spelled: normalized_name folds case, accents and
-- white space. Name and role as shown come from the speaker's latest quote.
create table speaker (
    id              uuid primary key,
    normalized_name varchar(200) not null,
    created_at      timestamptz  not null,
    constraint speaker_normalized_name_unique unique (normalized_name)
);

create table quote (
    id            uuid primary key,
    text          varchar(5000) not null,
    speaker_id    uuid          not null references speaker (id),
    -- The name as written and the role held when this was said: the speaker's history of roles.
    speaker_name  varchar(200)  not null,
    speaker_role  varchar(200),
    article_id    uuid references article (id) on delete set null,
    said_at       timestamptz,
    -- saidAt when known, otherwise createdAt: what lists sort and from/to filter by.
    dated_at      timestamptz   not null,
    context       varchar(500),
    language      varchar(35)   not null,
    created_at    timestamptz   not null,
    updated_at    timestamptz   not null,
    version       bigint        not null,
    search_vector tsvector generated always as (to_tsvector('simple', coalesce(text, ''))) stored
);
create index quote_dated_idx on quote (dated_at desc, id desc);
create index quote_speaker_idx on quote (speaker_id, dated_at desc, id desc);
create index quote_article_idx on quote (article_id);
create index quote_search_idx on quote using gin (search_vector);

-- Maintained from the quote blocks of each article's body on every article write.
create table article_quote (
    article_id uuid    not null references article (id) on delete cascade,
    position   integer not null,
    quote_id   uuid    not null references quote (id),
    primary key (article_id, position)
);
create index article_quote_quote_idx on article_quote (quote_id);
