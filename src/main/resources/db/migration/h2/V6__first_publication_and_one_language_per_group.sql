-- An article the public has seen is deleted only by an admin, and only such articles are named to
-- sync clients as deleted: first_published_at remembers that it went out, whatever its status now.
-- Before this column, an article that had been out kept its publication time when archived or put
-- back to draft, so a past published_at on anything but a scheduled article counts as having been out.
alter table article add column first_published_at timestamp with time zone;
update article set first_published_at = published_at
    where published_at is not null and (status = 'PUBLISHED' or (status <> 'SCHEDULED' and published_at <= current_timestamp));

-- One article per language in a translation group, held by the database so that writers racing
-- each other cannot both add one. Groups that races left with two in one language keep the group's
-- first article (or the earliest); the others start groups of their own
-- (under a new id: an article that moved to another group may have left its old one behind).
update article a set translation_group = random_uuid()
    where a.id <> a.translation_group
      and exists (select 1 from article b
                  where b.translation_group = a.translation_group and b.language = a.language and b.id <> a.id
                    and (b.id = b.translation_group or b.created_at < a.created_at
                         or (b.created_at = a.created_at and b.id < a.id)));
alter table article add constraint article_translation_language_unique unique (translation_group, language);
-- The unique index starts with translation_group, so it serves the look-ups of a group's articles.
drop index article_translation_group_idx;
