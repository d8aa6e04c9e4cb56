import { AppError } from "../../../platform/errors/index.js";

/** How far the two weights may sum away from 1.0 (spec §5.1). */
export const hybridWeightTolerance = 0.01;

export interface HybridWeights {
  readonly vector: number;
  readonly text: number;
}

function invalidWeights(message: string, vector: number, text: number): AppError {
  return new AppError("INVALID_SEARCH_PARAMS", message, {
    details: { vector_weight: vector, text_weight: text },
  });
}

function requireWeightInRange(vector: number, text: number): void {
  for (const weight of [vector, text]) {
    if (!Number.isFinite(weight) || weight < 0 || weight > 1) {
      throw invalidWeights("Vector weight and text weight must each be between 0 and 1", vector, text);
    }
  }
}

/** The HTTP API's rule (spec §5.1, requirement 19): each weight in [0, 1], summing to 1 ± 0.01. */
export function validateHybridWeights(vector: number, text: number): void {
  requireWeightInRange(vector, text);
  if (Math.abs(vector + text - 1) > hybridWeightTolerance) {
    throw invalidWeights("Vector weight and text weight must sum to 1.0", vector, text);
  }
}

/**
 * Internal callers' rule (G24): off-sum weights are renormalised to `vw/(vw+tw)` and `1 − that`;
 * a 0/0 pair has no meaning and is rejected rather than divided by zero.
 */
export function renormaliseHybridWeights(vector: number, text: number): HybridWeights {
  requireWeightInRange(vector, text);
  const sum = vector + text;
  if (sum === 0) throw invalidWeights("Vector weight and text weight cannot both be 0", vector, text);
  const normalisedVector = vector / sum;
  return { vector: normalisedVector, text: 1 - normalisedVector };
}
