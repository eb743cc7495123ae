-- The embedded twin of db/migration/postgresql/V13 (language-aware tsvector columns). H2 has no
-- full-text analysis, so its search stays the LIKE fallback over the text columns (no stemming);
-- the comments record that for whoever reads the embedded schema.
comment on column article.body_text is 'Plain text of the body; searched with LIKE on H2, through search_vector on PostgreSQL';
comment on column quote.text is 'Searched with LIKE on H2, through search_vector on PostgreSQL';
