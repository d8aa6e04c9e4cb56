// Test fixtures: text with one planted value of every entity type, and a seeded random source
// for property tests (reproducible failures, no dependency).

import type { PiiEntityType } from "./types.js";

export const PLANTED_VALUES: ReadonlyArray<readonly [PiiEntityType, string]> = [
  ["PERSON", "Maria Garcia"],
  ["LOCATION", "Paris"],
  ["CREDIT_CARD", "4111 1111 1111 1111"],
  ["US_SSN", "536-22-8192"],
  ["EMAIL_ADDRESS", "jane.doe@example.com"],
  ["PHONE_NUMBER", "(415) 555-0132"],
  ["IBAN", "GB82 WEST 1234 5698 7654 32"],
  ["IP_ADDRESS", "192.168.10.24"],
];

export const PLANTED_PII_TEXT = [
  "Customer record update.",
  "Our customer Maria Garcia moved to Paris last spring and asked us to update her details.",
  "She pays with card 4111 1111 1111 1111 and her SSN is 536-22-8192.",
  "Write to jane.doe@example.com or call (415) 555-0132 before Friday.",
  "Refunds go to IBAN GB82 WEST 1234 5698 7654 32, and the last login came from 192.168.10.24.",
  "Thanks for your help with this.",
].join("\n");

/** mulberry32: small, fast, good enough to drive property tests. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Cuts `text` into chunks of random length 0..maxChunk (empty chunks included on purpose). */
export function randomChunks(text: string, random: () => number, maxChunk: number): string[] {
  const chunks: string[] = [];
  let at = 0;
  while (at < text.length) {
    const length = Math.floor(random() * (maxChunk + 1));
    chunks.push(text.slice(at, at + length));
    at += length;
  }
  return chunks;
}
