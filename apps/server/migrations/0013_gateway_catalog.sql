-- The LLM gateway's model catalog: providers, models, aliases, deployments and the price book.
-- Platform-wide and managed by platform admins, so no tenant_id and no row-level security (like
-- signing_keys); every node loads it whole into memory. Providers and models declared in
-- configuration (TRIBUTARY_PROVIDERS) are never stored here: they join the in-memory snapshot.

CREATE TABLE gateway_providers (
  id uuid PRIMARY KEY,
  name text NOT NULL UNIQUE CHECK (name ~ '^[a-z0-9][a-z0-9._-]{0,62}$'),
  type text NOT NULL CHECK (type IN ('openai', 'anthropic', 'openai_compatible', 'local')),
  -- NULL: the type's default (https://api.openai.com/v1, https://api.anthropic.com).
  base_url text,
  -- Sealed with TRIBUTARY_SECRET_KEY (platform/crypto secret box); never returned by the API.
  api_key_encrypted text,
  headers jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(headers) = 'object'),
  -- NULL: the gateway's upstream timeout.
  timeout_ms integer CHECK (timeout_ms > 0),
  enabled boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE gateway_models (
  id uuid PRIMARY KEY,
  name text NOT NULL UNIQUE,
  display_name text NOT NULL,
  kind text NOT NULL DEFAULT 'chat' CHECK (kind IN ('chat', 'embedding')),
  capabilities text[] NOT NULL DEFAULT '{}',
  context_window integer NOT NULL CHECK (context_window > 0),
  max_output_tokens integer NOT NULL CHECK (max_output_tokens >= 0),
  quality_rank integer NOT NULL DEFAULT 50 CHECK (quality_rank BETWEEN 0 AND 100),
  tags text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Another name a model answers to; unique across aliases (the API also keeps it apart from names).
CREATE TABLE gateway_model_aliases (
  alias text PRIMARY KEY,
  model_id uuid NOT NULL REFERENCES gateway_models (id) ON DELETE CASCADE
);
CREATE INDEX gateway_model_aliases_model_idx ON gateway_model_aliases (model_id);

-- Where a model is served. A deployment names either a provider stored here or one declared in
-- configuration (by name, since declared providers have no row); exactly one of the two.
CREATE TABLE gateway_deployments (
  id uuid PRIMARY KEY,
  model_id uuid NOT NULL REFERENCES gateway_models (id) ON DELETE CASCADE,
  -- RESTRICT: deleting a provider that still serves a model is refused, never silently cascaded.
  provider_id uuid REFERENCES gateway_providers (id) ON DELETE RESTRICT,
  declared_provider text,
  upstream_model text NOT NULL,
  model_path text,
  weight integer NOT NULL DEFAULT 1 CHECK (weight BETWEEN 0 AND 1000),
  enabled boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (num_nonnulls(provider_id, declared_provider) = 1)
);
CREATE INDEX gateway_deployments_model_idx ON gateway_deployments (model_id);
CREATE INDEX gateway_deployments_provider_idx ON gateway_deployments (provider_id);

-- The price book: USD per one million tokens per token class. A new price is a new version, never
-- an update, so the price in effect at any past moment can always be read back.
CREATE TABLE gateway_prices (
  model_id uuid NOT NULL REFERENCES gateway_models (id) ON DELETE CASCADE,
  version integer NOT NULL CHECK (version > 0),
  effective_from timestamptz NOT NULL,
  input numeric(20, 10) NOT NULL CHECK (input >= 0),
  cached_input numeric(20, 10) NOT NULL CHECK (cached_input >= 0),
  cache_write numeric(20, 10) NOT NULL CHECK (cache_write >= 0),
  output numeric(20, 10) NOT NULL CHECK (output >= 0),
  reasoning numeric(20, 10) NOT NULL CHECK (reasoning >= 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (model_id, version)
);

CREATE FUNCTION gateway_prices_are_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'gateway_prices rows are immutable: add a new version instead';
END $$;
CREATE TRIGGER gateway_prices_no_update BEFORE UPDATE ON gateway_prices
  FOR EACH ROW EXECUTE FUNCTION gateway_prices_are_immutable();
