-- Gateway usage metering and budgets.
--
-- usage_records: one row per gateway call, written in batches off the hot path by the usage
-- recorder. The recorder writes many tenants' rows in one system transaction (app.system = 'on'),
-- so the policy admits system mode as the outbox's does; every read goes through withTenant.
CREATE TABLE usage_records (
  id uuid PRIMARY KEY,
  tenant_id text NOT NULL,
  space_id text NOT NULL,
  user_id uuid NOT NULL,
  api_key_id uuid,
  application_id text,
  request_id text NOT NULL,
  endpoint text NOT NULL CHECK (endpoint IN ('chat', 'messages', 'embeddings')),
  protocol text NOT NULL CHECK (protocol IN ('openai', 'anthropic')),
  requested_model text NOT NULL,
  model text NOT NULL,
  provider text NOT NULL,
  deployment_id text,
  input_tokens integer NOT NULL DEFAULT 0 CHECK (input_tokens >= 0),
  cached_input_tokens integer NOT NULL DEFAULT 0 CHECK (cached_input_tokens >= 0),
  cache_write_tokens integer NOT NULL DEFAULT 0 CHECK (cache_write_tokens >= 0),
  output_tokens integer NOT NULL DEFAULT 0 CHECK (output_tokens >= 0),
  reasoning_tokens integer NOT NULL DEFAULT 0 CHECK (reasoning_tokens >= 0),
  cost_usd numeric(20, 10) NOT NULL DEFAULT 0 CHECK (cost_usd >= 0),
  price_version text,
  -- true when the token counts are our own estimate (the provider reported none).
  estimated boolean NOT NULL DEFAULT false,
  latency_ms integer NOT NULL CHECK (latency_ms >= 0),
  overhead_ms real NOT NULL CHECK (overhead_ms >= 0),
  status text NOT NULL CHECK (status IN ('success', 'error', 'cancelled')),
  http_status smallint NOT NULL,
  error_code text,
  cache_hit boolean NOT NULL DEFAULT false,
  fallback_used boolean NOT NULL DEFAULT false,
  attempt_count integer NOT NULL DEFAULT 1 CHECK (attempt_count >= 0),
  guardrail jsonb,
  stream boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL
);
-- Time ranges per tenant (the usage API, tenant budgets), then per user, key and space (filters,
-- the non-admin view, and seeding those budgets' counters).
CREATE INDEX usage_records_tenant_time_idx ON usage_records (tenant_id, created_at);
CREATE INDEX usage_records_user_time_idx ON usage_records (tenant_id, user_id, created_at);
CREATE INDEX usage_records_key_time_idx ON usage_records (tenant_id, api_key_id, created_at)
  WHERE api_key_id IS NOT NULL;
CREATE INDEX usage_records_space_time_idx ON usage_records (tenant_id, space_id, created_at);

ALTER TABLE usage_records ENABLE ROW LEVEL SECURITY;
ALTER TABLE usage_records FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON usage_records
  USING (tenant_id = current_setting('app.tenant_id', true) OR current_setting('app.system', true) = 'on')
  WITH CHECK (tenant_id = current_setting('app.tenant_id', true) OR current_setting('app.system', true) = 'on');

-- gateway_budgets: spending caps in USD per UTC day or month, on the whole tenant, one space, one
-- user or one API key. `hard` refuses calls that would pass the limit; `soft` only alerts.
-- Budgets an API key carries in its own settings live with the key, not here.
CREATE TABLE gateway_budgets (
  id uuid PRIMARY KEY,
  tenant_id text NOT NULL,
  scope text NOT NULL CHECK (scope IN ('tenant', 'space', 'user', 'api_key')),
  scope_id text NOT NULL CHECK (length(scope_id) BETWEEN 1 AND 128),
  period text NOT NULL CHECK (period IN ('day', 'month')),
  limit_usd numeric(20, 10) NOT NULL CHECK (limit_usd >= 0),
  mode text NOT NULL CHECK (mode IN ('hard', 'soft')),
  alert_threshold numeric(5, 4) NOT NULL DEFAULT 0.8 CHECK (alert_threshold > 0 AND alert_threshold <= 1),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- One budget per scope and period: two would only disagree.
  UNIQUE (tenant_id, scope, scope_id, period)
);

ALTER TABLE gateway_budgets ENABLE ROW LEVEL SECURITY;
ALTER TABLE gateway_budgets FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON gateway_budgets
  USING (tenant_id = current_setting('app.tenant_id', true))
  WITH CHECK (tenant_id = current_setting('app.tenant_id', true));
