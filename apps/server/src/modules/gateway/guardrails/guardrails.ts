import { createStreamingRedactor, detectPii, type PiiEntityType, redactPii } from "../../ingestion/index.js";
import type { TextFilter } from "../endpoints/inbound-protocol.js";
import type { TextSlot } from "../endpoints/text-parts.js";

export type GuardrailPolicy = "off" | "detect" | "redact" | "block";

/** What the guardrail saw and did on one call; stored in the usage record. */
export interface GuardrailVerdict {
  readonly policy: GuardrailPolicy;
  readonly blocked: boolean;
  readonly redacted: boolean;
  readonly prompt: Partial<Record<PiiEntityType, number>>;
  readonly completion: Partial<Record<PiiEntityType, number>>;
}

export interface StreamGuard extends TextFilter {
  verdict(): GuardrailVerdict;
}

export interface Guardrails {
  /** Scans (and under `redact` rewrites) the prompt texts; `blocked` under `block` when PII is found. */
  inspectPrompt(slots: readonly TextSlot[], policy: GuardrailPolicy): GuardrailVerdict;
  inspectCompletion(slots: readonly TextSlot[], policy: GuardrailPolicy): GuardrailVerdict;
  /** Streamed output: redacts with bounded look-behind (the analysis library holds back ≤ 256 chars). */
  streamFilter(policy: GuardrailPolicy): StreamGuard;
  merge(a: GuardrailVerdict, b: GuardrailVerdict): GuardrailVerdict;
  summary(verdict: GuardrailVerdict): Record<string, unknown>;
}

/**
 * PII guardrails on prompts and completions with the ingestion module's recognizers. PERSON and
 * LOCATION (NER) are left out: they are best-effort and too slow for the gateway's hot path.
 */
export function createGuardrails(
  entities: readonly PiiEntityType[] = [
    "CREDIT_CARD",
    "US_SSN",
    "EMAIL_ADDRESS",
    "PHONE_NUMBER",
    "IBAN",
    "IP_ADDRESS",
  ],
): Guardrails {
  const inspect = (slots: readonly TextSlot[], policy: GuardrailPolicy) => {
    const counts: Partial<Record<PiiEntityType, number>> = {};
    let found = false;
    let redacted = false;
    if (policy === "off") return { counts, found, redacted };
    for (const slot of slots) {
      const findings = detectPii(slot.text, { entities });
      if (findings.length === 0) continue;
      found = true;
      for (const finding of findings) counts[finding.type] = (counts[finding.type] ?? 0) + 1;
      if (policy === "redact") {
        slot.replace(redactPii(slot.text, findings).text);
        redacted = true;
      }
    }
    return { counts, found, redacted };
  };
  return {
    inspectPrompt(slots, policy) {
      const { counts, found, redacted } = inspect(slots, policy);
      return { policy, blocked: policy === "block" && found, redacted, prompt: counts, completion: {} };
    },
    inspectCompletion(slots, policy) {
      const { counts, found, redacted } = inspect(slots, policy);
      return { policy, blocked: policy === "block" && found, redacted, prompt: {}, completion: counts };
    },
    streamFilter(policy) {
      const redactor = createStreamingRedactor({ policy, entities });
      return {
        push: (text) => redactor.push(text),
        flush: () => redactor.flush(),
        verdict: () => {
          const summary = redactor.summary();
          return {
            policy,
            blocked: redactor.blocked,
            redacted: policy === "redact" && summary.pii_detected,
            prompt: {},
            completion: summary.counts,
          };
        },
      };
    },
    merge(a, b) {
      return {
        policy: a.policy,
        blocked: a.blocked || b.blocked,
        redacted: a.redacted || b.redacted,
        prompt: addCounts(a.prompt, b.prompt),
        completion: addCounts(a.completion, b.completion),
      };
    },
    summary(verdict) {
      return {
        policy: verdict.policy,
        blocked: verdict.blocked,
        redacted: verdict.redacted,
        prompt_findings: verdict.prompt,
        completion_findings: verdict.completion,
      };
    },
  };
}

function addCounts(
  a: Partial<Record<PiiEntityType, number>>,
  b: Partial<Record<PiiEntityType, number>>,
): Partial<Record<PiiEntityType, number>> {
  const out = { ...a };
  for (const [type, count] of Object.entries(b) as Array<[PiiEntityType, number]>) {
    out[type] = (out[type] ?? 0) + count;
  }
  return out;
}
