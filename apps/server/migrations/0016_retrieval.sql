-- requires-extension: vector
-- Retrieval: vector datasets and their records (pgvector + full-text in one table, so metadata,
-- text and embedding commit in one transaction). Skipped by `migrate` on a server without the
-- pgvector extension; the retrieval module then stops the platform with the exact fix.
-- The extension lives in `public` so that dropping an isolated (test) schema never drops it.
CREATE EXTENSION IF NOT EXISTS vector WITH SCHEMA public;

CREATE TABLE vector_datasets (
  id uuid PRIMARY KEY,
  tenant_id text NOT NULL,
  -- The API id: `default`, `system`, `shared` (system-only) or 1–100 chars of ^[a-z0-9_-]+$.
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  dimensions integer NOT NULL CHECK (dimensions BETWEEN 1 AND 10000),
  metric_type text NOT NULL CHECK (metric_type IN ('cosine', 'euclidean', 'dot_product', 'manhattan')),
  index_type text NOT NULL CHECK (index_type IN ('default', 'flat', 'hnsw', 'ivf')),
  index_config jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- The embedding model the dataset is pinned to (one model per dataset, spec G14).
  embedding_model text NOT NULL,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- Records of the active generation are the searchable ones; a re-embedding writes the next
  -- generation and switches `generation` atomically when it is complete.
  generation integer NOT NULL DEFAULT 1,
  -- While a re-embedding runs: {target_model, target_dimensions, generation, done, total, started_at, error}.
  reembedding jsonb,
  last_rebuild_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);
CREATE UNIQUE INDEX vector_datasets_name_idx ON vector_datasets (tenant_id, name) WHERE deleted_at IS NULL;
ALTER TABLE vector_datasets ENABLE ROW LEVEL SECURITY;
ALTER TABLE vector_datasets FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON vector_datasets
  USING (tenant_id = current_setting('app.tenant_id', true))
  WITH CHECK (tenant_id = current_setting('app.tenant_id', true));

-- ISO 639-1 → text search configuration; immutable so it can feed a generated column.
CREATE FUNCTION retrieval_ts_config(language text) RETURNS regconfig
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT (CASE language
    WHEN 'en' THEN 'english' WHEN 'fr' THEN 'french' WHEN 'de' THEN 'german'
    WHEN 'es' THEN 'spanish' WHEN 'it' THEN 'italian' WHEN 'pt' THEN 'portuguese'
    WHEN 'nl' THEN 'dutch' WHEN 'sv' THEN 'swedish' WHEN 'da' THEN 'danish'
    WHEN 'no' THEN 'norwegian' WHEN 'fi' THEN 'finnish' WHEN 'ru' THEN 'russian'
    ELSE 'simple' END)::regconfig $$;

CREATE TABLE dataset_vectors (
  dataset_id uuid NOT NULL REFERENCES vector_datasets (id) ON DELETE CASCADE,
  generation integer NOT NULL DEFAULT 1,
  id uuid NOT NULL,
  tenant_id text NOT NULL,
  -- Promoted hot metadata (spec D6): the platform's own filters and deletes use these columns.
  space_id text,
  notebook_id text,
  document_id text NOT NULL,
  chunk_id text,
  content text CHECK (char_length(content) <= 10000),
  content_hash text CHECK (content_hash ~ '^[0-9a-f]{64}$'),
  content_type text NOT NULL DEFAULT 'text/plain',
  language text,
  chunk_index integer,
  chunk_count integer,
  model text,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  embedding vector NOT NULL,
  -- Stemmed in the record's language and unstemmed, so both "running" and "runs" find "run"
  -- and words of any language still match exactly.
  content_tsv tsvector GENERATED ALWAYS AS (
    to_tsvector(retrieval_ts_config(language), coalesce(content, ''))
    || to_tsvector('simple'::regconfig, coalesce(content, ''))) STORED,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (dataset_id, generation, id)
);
CREATE INDEX dataset_vectors_document_idx ON dataset_vectors (tenant_id, document_id);
CREATE INDEX dataset_vectors_hash_idx ON dataset_vectors (dataset_id, generation, content_hash);
CREATE INDEX dataset_vectors_space_idx ON dataset_vectors (dataset_id, generation, space_id);
CREATE INDEX dataset_vectors_tsv_idx ON dataset_vectors USING gin (content_tsv);
CREATE INDEX dataset_vectors_metadata_idx ON dataset_vectors USING gin (metadata jsonb_path_ops);
ALTER TABLE dataset_vectors ENABLE ROW LEVEL SECURITY;
ALTER TABLE dataset_vectors FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON dataset_vectors
  USING (tenant_id = current_setting('app.tenant_id', true))
  WITH CHECK (tenant_id = current_setting('app.tenant_id', true));

-- Embeddings cache by content hash and model: re-processing or re-uploading a document never pays
-- for the same embedding twice. Per tenant, like everything else, so no tenant can probe for
-- another's texts through cache timing.
CREATE TABLE embedding_cache (
  tenant_id text NOT NULL,
  model text NOT NULL,
  content_hash text NOT NULL,
  embedding vector NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, model, content_hash)
);
ALTER TABLE embedding_cache ENABLE ROW LEVEL SECURITY;
ALTER TABLE embedding_cache FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON embedding_cache
  USING (tenant_id = current_setting('app.tenant_id', true))
  WITH CHECK (tenant_id = current_setting('app.tenant_id', true));
