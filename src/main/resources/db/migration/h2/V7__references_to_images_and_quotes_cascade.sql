-- The embedded twin of db/migration/postgresql/V7. H2 named the foreign keys itself, so the two
-- tables are made again with the new ones rather than altered.
-- article_image and article_quote only mirror the images and quotes an article's body uses. When an
-- image or quote is deleted (refused while a published or scheduled article uses it), the drafts
-- and archived articles that still name it lose the reference with it, in the database.
create table article_image_v7 (
    article_id uuid    not null references article (id) on delete cascade,
    position   integer not null,
    image_id   uuid    not null references image (id) on delete cascade,
    primary key (article_id, position)
);
insert into article_image_v7 (article_id, position, image_id) select article_id, position, image_id from article_image;
drop table article_image;
alter table article_image_v7 rename to article_image;
create index article_image_image_idx on article_image (image_id);

create table article_quote_v7 (
    article_id uuid    not null references article (id) on delete cascade,
    position   integer not null,
    quote_id   uuid    not null references quote (id) on delete cascade,
    primary key (article_id, position)
);
insert into article_quote_v7 (article_id, position, quote_id) select article_id, position, quote_id from article_quote;
drop table article_quote;
alter table article_quote_v7 rename to article_quote;
create index article_quote_quote_idx on article_quote (quote_id);
