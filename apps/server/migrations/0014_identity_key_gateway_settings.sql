-- API keys carry LLM gateway settings (allowed models, rpm/tpm limits, USD budgets, response cache
-- opt-in, guardrail policy), validated by the contracts' apiKeyGatewaySettingsSchema. '{}' means
-- no limits of the key's own. They are cached with the key, so verification stays DB-free.
ALTER TABLE api_keys ADD COLUMN gateway jsonb NOT NULL DEFAULT '{}'::jsonb
  CHECK (jsonb_typeof(gateway) = 'object');
