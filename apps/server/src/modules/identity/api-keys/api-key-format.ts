import { randomBytes } from "node:crypto";
import { hashToken } from "../../../platform/crypto/index.js";

/** Every key starts with this, so verifiers tell keys from JWTs without trying to parse them. */
export const apiKeyMarker = "trk_";

const keyPattern = /^trk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

export interface NewApiKey {
  /** The whole key, handed to the caller once. */
  readonly token: string;
  /** Looked up by index; shown in listings. */
  readonly prefix: string;
  readonly secretHash: string;
}

/**
 * `trk_<prefix>_<secret>`: a 64-bit hex prefix to find the row and a 256-bit secret stored only
 * as its SHA-256 (high entropy, so a fast hash is right: nothing to brute-force).
 */
export function newApiKey(): NewApiKey {
  const prefix = randomBytes(8).toString("hex");
  const secret = randomBytes(32).toString("base64url");
  return { token: `${apiKeyMarker}${prefix}_${secret}`, prefix, secretHash: hashToken(secret) };
}

/** The parts of a presented key, or null when it is not shaped like one of ours. */
export function parseApiKey(token: string): { prefix: string; secretHash: string } | null {
  const match = keyPattern.exec(token);
  if (!match?.[1] || !match[2]) return null;
  return { prefix: match[1], secretHash: hashToken(match[2]) };
}
