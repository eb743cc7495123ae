-- Reading article bodies, the hottest path of every uncached read, was mostly spent turning jsonb
-- back into text: bodies become json, which PostgreSQL keeps and returns as written. Nothing
-- queries inside bodies (search reads body_text), so nothing is lost.
--
-- Stored blocks also carry their type id as "t" besides "type" (see io.lede.article.StoredBodyFormat):
-- values bound as jsonb, as Hibernate binds JSON, have their keys reordered shortest first on the
-- way in, and "t" keeps the type id ahead of the block's content, so readers need not buffer.
update article set body = (
    select coalesce(jsonb_agg(jsonb_build_object('t', block -> 'type') || block order by position), '[]'::jsonb)
    from jsonb_array_elements(body) with ordinality as blocks(block, position));

alter table article alter column body type json;
