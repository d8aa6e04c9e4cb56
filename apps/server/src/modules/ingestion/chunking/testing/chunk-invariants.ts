import { expect } from "vitest";
import type { ChunkTextInput, ChunkTextResult } from "../types.js";
import { chunkInvariantViolations } from "./invariant-violations.js";

/** Asserts every guarantee of `chunkText` on one result (see chunkInvariantViolations). */
export function expectChunkInvariants(input: ChunkTextInput, result: ChunkTextResult): void {
  expect(chunkInvariantViolations(input, result)).toEqual([]);
}
