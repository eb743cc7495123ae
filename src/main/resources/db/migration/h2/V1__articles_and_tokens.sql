-- The embedded (dev and default test) schema: the same tables as db/migration/postgresql, without
-- the PostgreSQL-only full-text column and partial indexes; search falls back to LIKE on H2.

create table article (
    id                uuid primary key,
    slug              varchar(120)  not null,
    headline          varchar(300)  not null,
    standfirst        varchar(1000),
    body              json          not null,
    body_text         varchar(1000000) not null,
    byline            varchar(200),
    section           varchar(64)   not null,
    language          varchar(35)   not null,
    translation_group uuid          not null,
    status            varchar(16)   not null,
    published_at      timestamp with time zone,
    created_at        timestamp with time zone not null,
    updated_at        timestamp with time zone not null,
    version           bigint        not null,
    lead_image_id     uuid,
    location          varchar(200),
    source            varchar(200),
    constraint article_slug_unique unique (slug),
    constraint article_status_check check (status in ('DRAFT', 'SCHEDULED', 'PUBLISHED', 'ARCHIVED'))
);

create index article_published_idx on article (status, published_at desc, id desc);
create index article_section_idx on article (section, published_at desc, id desc);
create index article_language_idx on article (language, published_at desc, id desc);
create index article_translation_group_idx on article (translation_group);

create table article_tag (
    article_id uuid        not null references article (id) on delete cascade,
    position   integer     not null,
    tag        varchar(64) not null,
    primary key (article_id, position)
);
create index article_tag_tag_idx on article_tag (tag, article_id);

create table article_tombstone (
    id         uuid primary key,
    deleted_at timestamp with time zone not null
);
create index article_tombstone_deleted_idx on article_tombstone (deleted_at);

create table api_token (
    id         uuid primary key,
    name       varchar(100) not null,
    role       varchar(16)  not null,
    token_hash varchar(64)  not null,
    created_at timestamp with time zone not null,
    revoked_at timestamp with time zone,
    constraint api_token_hash_unique unique (token_hash),
    constraint api_token_role_check check (role in ('READER', 'EDITOR', 'ADMIN'))
);
