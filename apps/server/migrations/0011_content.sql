-- Content: documents and their metadata, plus what notebooks need beyond the onboarding table of
-- 0007 (search, the name rule of tas-identity-content §6 N1, tree lookups). Notebook counters
-- count documents whose status is not 'deleted' (§6 D4) and change only in the same transaction
-- as the document insert, delete or move.

-- array_to_string is only STABLE (element output functions), so a generated column cannot call it
-- directly; for text[] the result never depends on settings, which makes this wrapper truly immutable.
CREATE FUNCTION content_search_text(name text, description text, tags text[]) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT to_tsvector('simple'::regconfig,
    coalesce(name, '') || ' ' || coalesce(description, '') || ' ' || coalesce(array_to_string(tags, ' '), '')) $$;

ALTER TABLE notebooks
  ADD COLUMN search_tsv tsvector GENERATED ALWAYS AS (content_search_text(name, description, tags)) STORED;
-- One live notebook of a name per owner in a space (§6 N1); a deleted one frees its name.
CREATE UNIQUE INDEX notebooks_owner_name_key ON notebooks (space_id, owner_id, name) WHERE deleted_at IS NULL;
CREATE INDEX notebooks_list_idx ON notebooks (tenant_id, space_id, created_at DESC, id DESC)
  WHERE deleted_at IS NULL;
CREATE INDEX notebooks_parent_idx ON notebooks (parent_id) WHERE parent_id IS NOT NULL;
CREATE INDEX notebooks_search_idx ON notebooks USING gin (search_tsv);
CREATE INDEX notebooks_name_trgm_idx ON notebooks USING gin (name gin_trgm_ops);

CREATE TABLE documents (
  id uuid PRIMARY KEY,
  tenant_id text NOT NULL,
  space_id text NOT NULL,
  notebook_id uuid NOT NULL REFERENCES notebooks (id),
  owner_id uuid NOT NULL,
  name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 255),
  original_name text NOT NULL,
  description text NOT NULL DEFAULT '',
  tags text[] NOT NULL DEFAULT '{}',
  format text NOT NULL CHECK (format IN ('pdf', 'docx', 'pptx', 'xlsx', 'csv', 'html', 'markdown', 'text',
                                         'rtf', 'odt', 'png', 'jpeg', 'tiff', 'gif')),
  mime_type text NOT NULL,
  size_bytes bigint NOT NULL CHECK (size_bytes >= 0),
  checksum_sha256 text NOT NULL,
  checksum_md5 text NOT NULL,
  storage_key text NOT NULL,
  status text NOT NULL DEFAULT 'uploading'
    CHECK (status IN ('uploading', 'processing', 'processed', 'failed', 'archived', 'deleted')),
  -- No foreign key: the original may be purged while its duplicates stay.
  duplicate_of uuid,
  processing_tier text CHECK (processing_tier IN ('tier1', 'tier2', 'tier3')),
  language text,
  language_confidence real,
  pii_summary jsonb,
  sensitivity_level text CHECK (sensitivity_level IN ('public', 'internal', 'confidential', 'restricted')),
  compliance_flags text[] NOT NULL DEFAULT '{}',
  -- {content_category, confidence, evidence}
  classification jsonb,
  schema_info jsonb,
  page_count integer,
  chunk_count integer NOT NULL DEFAULT 0 CHECK (chunk_count >= 0),
  processing_time_ms integer,
  error text,
  processing_started_at timestamptz,
  processed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  search_tsv tsvector GENERATED ALWAYS AS (content_search_text(name, description, tags)) STORED,
  -- deleted_at is set exactly when the status is 'deleted' (§6 N5, D9).
  CHECK ((status = 'deleted') = (deleted_at IS NOT NULL))
);
CREATE INDEX documents_list_idx ON documents (tenant_id, space_id, notebook_id, created_at DESC, id DESC)
  WHERE deleted_at IS NULL;
CREATE INDEX documents_space_list_idx ON documents (tenant_id, space_id, created_at DESC, id DESC)
  WHERE deleted_at IS NULL;
CREATE INDEX documents_checksum_idx ON documents (tenant_id, checksum_sha256) WHERE deleted_at IS NULL;
CREATE INDEX documents_uploading_idx ON documents (tenant_id, space_id) WHERE status = 'uploading';
CREATE INDEX documents_search_idx ON documents USING gin (search_tsv);
CREATE INDEX documents_name_trgm_idx ON documents USING gin (name gin_trgm_ops);

ALTER TABLE documents ENABLE ROW LEVEL SECURITY;
ALTER TABLE documents FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON documents
  USING (tenant_id = current_setting('app.tenant_id', true))
  WITH CHECK (tenant_id = current_setting('app.tenant_id', true));
