-- Stored body blocks carry their type id as "t" besides "type" (see io.lede.article.StoredBodyFormat):
-- jsonb keeps the shortest keys first, so readers learn each block's type before its content.
update article set body = (
    select coalesce(jsonb_agg(jsonb_build_object('t', block -> 'type') || block order by position), '[]'::jsonb)
    from jsonb_array_elements(body) with ordinality as blocks(block, position));
