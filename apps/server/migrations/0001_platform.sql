-- Platform foundation: extensions and the row-level security demonstration table.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

-- rls_demo_notes proves the withTenant + RLS mechanism end to end; domain tables follow its pattern:
-- tenant_id on every row, RLS enabled and forced, one policy keyed on app.tenant_id.
CREATE TABLE rls_demo_notes (
  id uuid PRIMARY KEY,
  tenant_id text NOT NULL,
  body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX rls_demo_notes_tenant_idx ON rls_demo_notes (tenant_id);
ALTER TABLE rls_demo_notes ENABLE ROW LEVEL SECURITY;
ALTER TABLE rls_demo_notes FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON rls_demo_notes
  USING (tenant_id = current_setting('app.tenant_id', true))
  WITH CHECK (tenant_id = current_setting('app.tenant_id', true));
