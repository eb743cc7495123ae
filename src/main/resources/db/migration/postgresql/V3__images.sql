-- Images (the files live in an ImageStore; rows hold metadata and the store key) and which images
-- each article uses (lead image first, then body order).

create table image (
    id            uuid primary key,
    caption       varchar(2000),
    credit        varchar(300),
    alt_text      varchar(1000),
    width         integer      not null,
    height        integer      not null,
    mime_type     varchar(32)  not null,
    bytes         bigint       not null,
    focal_x       real,
    focal_y       real,
    storage_key   varchar(200) not null,
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null,
    version       bigint       not null,
    search_vector tsvector generated always as (
                      setweight(to_tsvector('simple', coalesce(caption, '')), 'A') ||
                      setweight(to_tsvector('simple', coalesce(alt_text, '')), 'B') ||
                      setweight(to_tsvector('simple', coalesce(credit, '')), 'C')) stored
);
create index image_created_idx on image (created_at desc, id desc);
create index image_search_idx on image using gin (search_vector);

create table article_image (
    article_id uuid    not null references article (id) on delete cascade,
    position   integer not null,
    image_id   uuid    not null references image (id),
    primary key (article_id, position)
);
create index article_image_image_idx on article_image (image_id);
