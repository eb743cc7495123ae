-- People, organisations, places and topics (GET /v1/entities), how articles and quote speakers refer
-- to them, structured contributors, and published corrections.

-- One entity per global id: a Wikidata or IPTC Media Topic URI, always stored with http.
-- lower_name orders and filters lists (q=), so both use the index.
create table named_entity (
    id          uuid primary key,
    type        varchar(16)   not null,
    name        varchar(200)  not null,
    lower_name  varchar(200)  not null,
    uri         varchar(300)  not null,
    description varchar(2000),
    same_as     json          not null,
    created_at  timestamptz   not null,
    updated_at  timestamptz   not null,
    version     bigint        not null,
    constraint named_entity_uri_unique unique (uri),
    constraint named_entity_type_check check (type in ('PERSON', 'ORGANISATION', 'PLACE', 'TOPIC'))
);
create index named_entity_name_idx on named_entity (lower_name, id);
create index named_entity_type_name_idx on named_entity (type, lower_name, id);

-- An article's entity links ([{"id", "rel"}]) and contributors ([{"name", "role", "entityId"}]) are
-- json on its row, read with it at no extra statement. article_entity mirrors every entity id they
-- name, kept in step on each write like article_image, for entity= filters and "in use" checks. A
-- mirror row goes with the entity; a draft that still names a deleted entity keeps the id until an
-- editor saves it (a 400 then), as with images and quotes. Published content keeps its entities
-- (the service refuses such deletions).
alter table article add column entity_links json not null default '[]';
alter table article add column contributors json not null default '[]';
create table article_entity (
    article_id uuid    not null references article (id) on delete cascade,
    position   integer not null,
    entity_id  uuid    not null references named_entity (id) on delete cascade,
    primary key (article_id, position)
);
create index article_entity_entity_idx on article_entity (entity_id, article_id);

-- A quote's speaker may be a person entity; the name as written stays if the entity goes.
alter table quote add column speaker_entity_id uuid references named_entity (id) on delete set null;
create index quote_speaker_entity_idx on quote (speaker_entity_id);

-- Corrections, clarifications and updates published on an article, newest first in the public list.
alter table article add column materially_updated_at timestamptz;
create table article_correction (
    id         uuid primary key,
    article_id uuid          not null references article (id) on delete cascade,
    kind       varchar(16)   not null,
    text       varchar(2000) not null,
    published_at timestamptz   not null,
    constraint article_correction_kind_check check (kind in ('CORRECTION', 'CLARIFICATION', 'UPDATE'))
);
create index article_correction_at_idx on article_correction (published_at desc, id desc);
create index article_correction_article_idx on article_correction (article_id, published_at);
