-- Stored body blocks carry their type id as "t" besides "type" (see io.lede.article.StoredBodyFormat).
-- H2 keeps JSON as written, and Lede wrote every block starting {"type":"..."}; a "type" inside a
-- string is escaped (\"type\") and does not match.
update article set body = regexp_replace(cast(body as varchar), '\{"type":("[a-z]+")', '{"t":$1,"type":$1') format json;
