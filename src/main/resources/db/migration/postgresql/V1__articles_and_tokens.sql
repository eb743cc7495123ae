-- Articles, their tags, tombstones of deleted articles (for /v1/sync), and API tokens.

create table article (
    id                uuid primary key,
    slug              varchar(120)  not null,
    headline          varchar(300)  not null,
    standfirst        varchar(1000),
    body              jsonb         not null,
    body_text         text          not null,
    byline            varchar(200),
    section           varchar(64)   not null,
    language          varchar(35)   not null,
    translation_group uuid          not null,
    status            varchar(16)   not null,
    published_at      timestamptz,
    created_at        timestamptz   not null,
    updated_at        timestamptz   not null,
    version           bigint        not null,
    lead_image_id     uuid,
    location          varchar(200),
    source            varchar(200),
    -- Weighted so that a match in the headline outranks one in the standfirst, which outranks the body.
    -- 'simple' (no stemming) because one newsroom publishes in several languages.
    search_vector     tsvector generated always as (
                          setweight(to_tsvector('simple', coalesce(headline, '')), 'A') ||
                          setweight(to_tsvector('simple', coalesce(standfirst, '')), 'B') ||
                          setweight(to_tsvector('simple', coalesce(body_text, '')), 'C')) stored,
    constraint article_slug_unique unique (slug),
    constraint article_status_check check (status in ('DRAFT', 'SCHEDULED', 'PUBLISHED', 'ARCHIVED'))
);

-- Keyset paging of the public list, overall and per section / language.
create index article_published_idx on article (published_at desc, id desc) where status = 'PUBLISHED';
create index article_section_published_idx on article (section, published_at desc, id desc) where status = 'PUBLISHED';
create index article_language_published_idx on article (language, published_at desc, id desc) where status = 'PUBLISHED';
-- Editors' lists by status, and the scheduler's look-up of due articles.
create index article_status_idx on article (status, published_at);
create index article_translation_group_idx on article (translation_group);
create index article_search_idx on article using gin (search_vector);

create table article_tag (
    article_id uuid        not null references article (id) on delete cascade,
    position   integer     not null,
    tag        varchar(64) not null,
    primary key (article_id, position)
);
create index article_tag_lower_idx on article_tag (lower(tag), article_id);

create table article_tombstone (
    id         uuid primary key,
    deleted_at timestamptz not null
);
create index article_tombstone_deleted_idx on article_tombstone (deleted_at);

create table api_token (
    id         uuid primary key,
    name       varchar(100) not null,
    role       varchar(16)  not null,
    token_hash varchar(64)  not null,
    created_at timestamptz  not null,
    revoked_at timestamptz,
    constraint api_token_hash_unique unique (token_hash),
    constraint api_token_role_check check (role in ('READER', 'EDITOR', 'ADMIN'))
);
