import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** A random, URL-safe secret with a readable prefix, e.g. `trt_…` for refresh tokens. */
export function newOpaqueToken(prefix: string, bytes = 32): string {
  return `${prefix}${randomBytes(bytes).toString("base64url")}`;
}

/** Tokens are stored only as their SHA-256; they are high-entropy, so no salt or slow hash is needed. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && timingSafeEqual(left, right);
}
