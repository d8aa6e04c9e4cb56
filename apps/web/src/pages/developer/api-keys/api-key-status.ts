import type { ApiKey, ApiKeyGatewaySettingsInput } from "@tributary/contracts";
import { formatNumber, formatUsd } from "../../../lib/format";

export type ApiKeyStatus = "active" | "expired" | "revoked";

export function apiKeyStatus(key: ApiKey, now: Date = new Date()): ApiKeyStatus {
  if (key.revoked_at) return "revoked";
  if (key.expires_at && new Date(key.expires_at).getTime() <= now.getTime()) return "expired";
  return "active";
}

/** The key's gateway limits in words, one item each; empty when it has none. */
export function describeLimits(gateway: ApiKeyGatewaySettingsInput): string[] {
  const out: string[] = [];
  if (gateway.rpm) out.push(`${formatNumber(gateway.rpm)} requests/min`);
  if (gateway.tpm) out.push(`${formatNumber(gateway.tpm)} tokens/min`);
  const mode = gateway.budget_mode === "soft" ? " (alert only)" : "";
  if (gateway.budget_daily_usd) out.push(`${formatUsd(gateway.budget_daily_usd)}/day${mode}`);
  if (gateway.budget_monthly_usd) out.push(`${formatUsd(gateway.budget_monthly_usd)}/month${mode}`);
  if (gateway.allowed_models?.length) out.push(`Models: ${gateway.allowed_models.join(", ")}`);
  if (gateway.cache) out.push("Response cache on");
  if (gateway.guardrail_policy) out.push(`Guardrails: ${gateway.guardrail_policy}`);
  return out;
}
