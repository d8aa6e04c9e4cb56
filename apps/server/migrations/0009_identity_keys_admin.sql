-- Single-use, expiring tokens mailed to a user: email verification and password reset. Stored
-- only as SHA-256 hashes. Not tenant data (a user spans tenants), so no tenant_id and no RLS,
-- like users and refresh_tokens; identity reads it in system mode.
CREATE TABLE email_tokens (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  purpose text NOT NULL CHECK (purpose IN ('verify_email', 'password_reset')),
  token_hash text NOT NULL UNIQUE,
  -- The address the token was mailed to: verification holds only while it is still the user's.
  email text NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX email_tokens_user_idx ON email_tokens (user_id, purpose);
