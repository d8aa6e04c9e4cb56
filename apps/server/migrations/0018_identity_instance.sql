-- The instance's own settings: exactly one row (id is always true). Platform-wide, so no
-- tenant_id and no row-level security (like signing_keys). `setup_completed_at` is set when a
-- platform admin first saves these settings, which ends the first-run setup.
CREATE TABLE instance_settings (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  name text NOT NULL DEFAULT 'Tributary' CHECK (char_length(name) BETWEEN 1 AND 100),
  setup_completed_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- An instance that already has accounts was set up before this table existed.
INSERT INTO instance_settings (id, setup_completed_at)
SELECT true, CASE WHEN EXISTS (SELECT 1 FROM users) THEN now() END;
