-- Ingestion: chunks of processed documents and batch processing sessions.
-- Chunks of one processing run are written in one transaction together with the document's
-- `processed` status, so a worker that dies mid-document leaves no partial chunks visible.
CREATE TABLE document_chunks (
  id uuid PRIMARY KEY,
  tenant_id text NOT NULL,
  space_id text NOT NULL,
  document_id uuid NOT NULL,
  chunk_index integer NOT NULL,
  content text NOT NULL,
  start_offset integer NOT NULL,
  end_offset integer NOT NULL,
  char_count integer NOT NULL,
  token_count integer NOT NULL,
  page_number integer,
  pages integer[] NOT NULL DEFAULT '{}',
  heading_path text[] NOT NULL DEFAULT '{}',
  language text,
  language_confidence real,
  pii_counts jsonb NOT NULL DEFAULT '{}'::jsonb,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  strategy text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (document_id, chunk_index)
);
CREATE INDEX document_chunks_tenant_doc_idx ON document_chunks (tenant_id, document_id, chunk_index);
ALTER TABLE document_chunks ENABLE ROW LEVEL SECURITY;
ALTER TABLE document_chunks FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON document_chunks
  USING (tenant_id = current_setting('app.tenant_id', true))
  WITH CHECK (tenant_id = current_setting('app.tenant_id', true));

CREATE TABLE processing_sessions (
  id uuid PRIMARY KEY,
  tenant_id text NOT NULL,
  space_id text NOT NULL,
  user_id uuid NOT NULL,
  notebook_id uuid NOT NULL,
  name text NOT NULL DEFAULT '',
  status text NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'running', 'completed', 'failed', 'completed_with_errors', 'cancelled')),
  total_files integer NOT NULL DEFAULT 0,
  processed_files integer NOT NULL DEFAULT 0,
  failed_files integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  completed_at timestamptz
);
CREATE INDEX processing_sessions_space_idx ON processing_sessions (tenant_id, space_id, created_at DESC);
ALTER TABLE processing_sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE processing_sessions FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON processing_sessions
  USING (tenant_id = current_setting('app.tenant_id', true))
  WITH CHECK (tenant_id = current_setting('app.tenant_id', true));

CREATE TABLE processing_session_documents (
  session_id uuid NOT NULL REFERENCES processing_sessions (id) ON DELETE CASCADE,
  document_id uuid NOT NULL,
  tenant_id text NOT NULL,
  file_name text NOT NULL,
  -- pending until the document reaches processed or failed; rejected files never became documents.
  outcome text NOT NULL DEFAULT 'pending' CHECK (outcome IN ('pending', 'processed', 'failed', 'rejected', 'cancelled')),
  error text,
  PRIMARY KEY (session_id, document_id)
);
CREATE INDEX processing_session_documents_doc_idx ON processing_session_documents (document_id);
ALTER TABLE processing_session_documents ENABLE ROW LEVEL SECURITY;
ALTER TABLE processing_session_documents FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON processing_session_documents
  USING (tenant_id = current_setting('app.tenant_id', true))
  WITH CHECK (tenant_id = current_setting('app.tenant_id', true));
