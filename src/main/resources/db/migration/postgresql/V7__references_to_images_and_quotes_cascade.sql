-- article_image and article_quote only mirror the images and quotes an article's body uses. When an
-- image or quote is deleted (refused while a published or scheduled article uses it), the drafts
-- and archived articles that still name it lose the reference with it, in the database.
alter table article_image
    drop constraint article_image_image_id_fkey,
    add constraint article_image_image_id_fkey foreign key (image_id) references image (id) on delete cascade;

alter table article_quote
    drop constraint article_quote_quote_id_fkey,
    add constraint article_quote_quote_id_fkey foreign key (quote_id) references quote (id) on delete cascade;
