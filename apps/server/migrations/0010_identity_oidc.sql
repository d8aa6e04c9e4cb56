-- OIDC single sign-on: logins in flight between /start and /callback. Kept server-side (not in a
-- cookie) so any node can finish a flow another started. The state is stored only as its SHA-256;
-- a row is consumed (deleted) by the first callback that presents it, so a state works once.
CREATE TABLE oidc_pending_logins (
  state_hash text PRIMARY KEY,
  provider text NOT NULL,
  nonce text NOT NULL,
  -- Sealed with TRIBUTARY_SECRET_KEY: with the code it would redeem the login.
  code_verifier_sealed text NOT NULL,
  redirect_to text,
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX oidc_pending_logins_expires_idx ON oidc_pending_logins (expires_at);
