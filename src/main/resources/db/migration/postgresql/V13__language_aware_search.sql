-- Search in each text's own language: an English article's "ferries" is stored as 'ferri', so a
-- search for "ferry" finds it; German "Häfen" and "Hafen" both become 'hafen'. Languages with a
-- built-in snowball configuration are stemmed; any other language keeps 'simple' (lower-cased
-- words, no stemming, no stop words). The configuration follows the primary subtag, so en-GB is
-- English. Queries are analysed in every one of these configurations and OR-ed (see SqlFilter),
-- which keeps one GIN index serving every language.
alter table article drop column search_vector;
alter table article add column search_vector tsvector generated always as (
    setweight(to_tsvector(case split_part(lower(language), '-', 1)
                              when 'en' then 'english'::regconfig when 'de' then 'german'::regconfig
                              when 'ru' then 'russian'::regconfig when 'fr' then 'french'::regconfig
                              when 'es' then 'spanish'::regconfig else 'simple'::regconfig end,
                          coalesce(headline, '')), 'A') ||
    setweight(to_tsvector(case split_part(lower(language), '-', 1)
                              when 'en' then 'english'::regconfig when 'de' then 'german'::regconfig
                              when 'ru' then 'russian'::regconfig when 'fr' then 'french'::regconfig
                              when 'es' then 'spanish'::regconfig else 'simple'::regconfig end,
                          coalesce(standfirst, '')), 'B') ||
    setweight(to_tsvector(case split_part(lower(language), '-', 1)
                              when 'en' then 'english'::regconfig when 'de' then 'german'::regconfig
                              when 'ru' then 'russian'::regconfig when 'fr' then 'french'::regconfig
                              when 'es' then 'spanish'::regconfig else 'simple'::regconfig end,
                          coalesce(body_text, '')), 'C')) stored;
create index article_search_idx on article using gin (search_vector);

alter table quote drop column search_vector;
alter table quote add column search_vector tsvector generated always as (
    to_tsvector(case split_part(lower(language), '-', 1)
                    when 'en' then 'english'::regconfig when 'de' then 'german'::regconfig
                    when 'ru' then 'russian'::regconfig when 'fr' then 'french'::regconfig
                    when 'es' then 'spanish'::regconfig else 'simple'::regconfig end,
                coalesce(text, ''))) stored;
create index quote_search_idx on quote using gin (search_vector);
