-- Content: notebooks (the onboarding "Getting Started" notebook lives here; the content issue
-- extends this table with documents, counters, sharing).
CREATE TABLE notebooks (
  id uuid PRIMARY KEY,
  tenant_id text NOT NULL,
  space_id text NOT NULL,
  parent_id uuid REFERENCES notebooks (id),
  owner_id uuid NOT NULL,
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  visibility text NOT NULL DEFAULT 'private' CHECK (visibility IN ('private', 'shared', 'public')),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived', 'deleted')),
  tags text[] NOT NULL DEFAULT '{}',
  document_count integer NOT NULL DEFAULT 0,
  total_size_bytes bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);
CREATE INDEX notebooks_space_idx ON notebooks (tenant_id, space_id);
ALTER TABLE notebooks ENABLE ROW LEVEL SECURITY;
ALTER TABLE notebooks FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON notebooks
  USING (tenant_id = current_setting('app.tenant_id', true))
  WITH CHECK (tenant_id = current_setting('app.tenant_id', true));
