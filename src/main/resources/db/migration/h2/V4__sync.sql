-- Delta sync reads articles and tombstones in (time, id) order, and signs its tokens with a secret
-- that every replica shares.
create index article_updated_idx on article (updated_at, id);
create index article_tombstone_sync_idx on article_tombstone (deleted_at, id);

create table lede_setting (
    name  varchar(64)  primary key,
    setting_value varchar(512) not null
);
