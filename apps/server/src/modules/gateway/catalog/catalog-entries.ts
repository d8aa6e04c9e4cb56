import type { Capability, Deployment, PricePoint, Provider } from "./types.js";

/** A provider with what the admin API shows besides it. */
export interface ProviderEntry {
  readonly provider: Provider;
  readonly createdAt: Date | null;
  readonly updatedAt: Date | null;
}

/** A model before it joins a snapshot: its whole price history rather than the current price. */
export interface ModelEntry {
  readonly id: string;
  readonly name: string;
  readonly displayName: string;
  readonly kind: "chat" | "embedding";
  readonly aliases: readonly string[];
  readonly capabilities: readonly Capability[];
  readonly contextWindow: number;
  readonly maxOutputTokens: number;
  readonly qualityRank: number;
  readonly tags: readonly string[];
  readonly deployments: readonly Deployment[];
  readonly priceHistory: readonly PricePoint[];
  readonly source: "config" | "api";
  readonly createdAt: Date | null;
  readonly updatedAt: Date | null;
}

/** Context window and output limit for a chat model nothing is known about. */
export const unknownModelLimits = {
  chat: { contextWindow: 8192, maxOutputTokens: 4096 },
  embedding: { contextWindow: 8191, maxOutputTokens: 0 },
} as const;

export const defaultQualityRank = 50;
