import type { JobPriority } from "../../../platform/jobs/index.js";

export type ProcessingTier = "tier1" | "tier2" | "tier3";

/** Spec §4.4: tier1 < 10 MB (real time, high priority), tier2 < 1 GB, tier3 batch. */
export function tierOf(sizeBytes: number): ProcessingTier {
  if (sizeBytes < 10 * 1024 ** 2) return "tier1";
  if (sizeBytes < 1024 ** 3) return "tier2";
  return "tier3";
}

export function priorityOf(tier: ProcessingTier): JobPriority {
  switch (tier) {
    case "tier1":
      return "high";
    case "tier2":
      return "normal";
    case "tier3":
      return "low";
  }
}
