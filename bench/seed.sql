-- Fills a Lede database (schema made by Flyway) with a realistic archive for benchmarks:
--   psql -v articles=100000 -v images=20000 -v quotes=200000 -v speakers=5000 -f bench/seed.sql
-- 20 sections, 3 languages, 5-30 body blocks per article, publication times spread over 3 years.
-- Everything here is generated filler, not news.

\set ON_ERROR_STOP on
begin;

insert into image (id, caption, credit, alt_text, width, height, mime_type, bytes, storage_key, created_at, updated_at, version)
select md5('image' || n)::uuid,
       'Bench picture ' || n || ' of a harbour, a council or a comet',
       (array['Lede/Desk', 'Emergency Service/AFP', 'Staff/Reuters', 'Agency/AP'])[1 + n % 4],
       'Generated picture ' || n, 1600, 1000, 'image/jpeg', 250000, 'originals/bench/' || n || '.jpg',
       now() - (n || ' minutes')::interval, now() - (n || ' minutes')::interval, 0
from generate_series(1, :images) as n;

insert into speaker (id, normalized_name, created_at)
select md5('speaker' || n)::uuid, 'bench speaker ' || n, now() from generate_series(1, :speakers) as n;

insert into quote (id, text, speaker_id, speaker_name, speaker_role, article_id, said_at, dated_at, context, language,
                   created_at, updated_at, version)
select md5('quote' || n)::uuid,
       'Quote number ' || n || ' about ferries, budgets and the weather, said with some conviction.',
       md5('speaker' || (1 + n % :speakers))::uuid, 'Bench Speaker ' || (1 + n % :speakers),
       (array['minister', 'spokesman', 'mayor', 'professor', 'captain'])[1 + n % 5], null,
       now() - (n || ' minutes')::interval, now() - (n || ' minutes')::interval, null,
       (array['en', 'de', 'ru'])[1 + n % 3], now(), now(), 0
from generate_series(1, :quotes) as n;

insert into article (id, slug, headline, standfirst, body, body_text, byline, section, language, translation_group, status,
                     published_at, created_at, updated_at, version, lead_image_id, location, source)
select md5('article' || n)::uuid,
       'bench-story-' || n,
       'Bench story ' || n || ': ' || (array['harbour reopens', 'council votes', 'comet visible', 'budget talks',
            'ferries resume', 'lighthouse restored', 'night buses saved', 'glacier retreats'])[1 + n % 8],
       'A standfirst for bench story ' || n || ' with enough words to look like a summary.',
       (select jsonb_agg(jsonb_build_object('t', 'paragraph', 'type', 'paragraph', 'text',
               'Paragraph ' || b || ' of story ' || n || '. Lorem-free filler about ports, budgets and skies.'))
        from generate_series(1, 5 + n % 26) as b),
       'Paragraph 1 of story ' || n || '. Filler about ports, budgets and skies.',
       'Bench Desk', 'section-' || (n % 20), (array['en', 'de', 'ru'])[1 + n % 3], md5('article' || n)::uuid,
       case when n % 50 = 0 then 'DRAFT' else 'PUBLISHED' end,
       case when n % 50 = 0 then null else now() - (n * 15 || ' minutes')::interval end,
       now() - (n * 15 || ' minutes')::interval, now() - (n * 15 || ' minutes')::interval, 0,
       case when n % 3 = 0 then md5('image' || (1 + n % :images))::uuid end, null, 'Lede'
from generate_series(1, :articles) as n;

insert into article_tag (article_id, position, tag)
select md5('article' || n)::uuid, t, (array['politics', 'weather', 'transport', 'science', 'economy', 'culture'])[1 + (n + t) % 6]
from generate_series(1, :articles) as n, generate_series(0, 2) as t;

commit;
analyze;
