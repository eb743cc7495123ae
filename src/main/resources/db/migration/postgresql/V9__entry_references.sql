-- The images and quotes a live entry's body uses, kept in step with the body as article_image and
-- article_quote are for articles: an image or quote that a published live blog shows in an entry is
-- in use, and its deletion is refused like one an article body shows. Rows only mirror the body, so
-- they go with the entry, and with the image or quote.
create table live_entry_image (
    entry_id uuid    not null references live_entry (id) on delete cascade,
    position integer not null,
    image_id uuid    not null references image (id) on delete cascade,
    primary key (entry_id, position)
);
create index live_entry_image_image_idx on live_entry_image (image_id);

create table live_entry_quote (
    entry_id uuid    not null references live_entry (id) on delete cascade,
    position integer not null,
    quote_id uuid    not null references quote (id) on delete cascade,
    primary key (entry_id, position)
);
create index live_entry_quote_quote_idx on live_entry_quote (quote_id);
