import { decodeProtectedHeader, errors, jwtVerify, SignJWT } from "jose";
import type { SigningKeys } from "./signing-keys.js";

export const accessTokenAudience = "tributary";

export interface AccessTokenClaims {
  sub: string;
  role: "admin" | "user" | "developer";
  email: string;
}

/** A short-lived access token (JWT, ES256) for a user session. */
export async function issueAccessToken(
  keys: SigningKeys,
  options: { issuer: string; ttlSeconds: number; claims: AccessTokenClaims },
): Promise<string> {
  const { kid, privateKey } = await keys.current();
  return new SignJWT({ role: options.claims.role, email: options.claims.email })
    .setProtectedHeader({ alg: "ES256", kid, typ: "at+jwt" })
    .setSubject(options.claims.sub)
    .setIssuer(options.issuer)
    .setAudience(accessTokenAudience)
    .setIssuedAt()
    .setExpirationTime(`${options.ttlSeconds}s`)
    .setJti(crypto.randomUUID())
    .sign(privateKey);
}

export type VerifiedAccessToken =
  | { ok: true; claims: AccessTokenClaims }
  | { ok: false; reason: "expired" | "invalid" }
  | null;

/**
 * Verifies one of our own access tokens. Returns null when the token is not ours (another issuer,
 * or a key id we never issued), so other verifiers (OIDC providers) may try it.
 */
export async function verifyAccessToken(
  keys: SigningKeys,
  token: string,
  issuer: string,
): Promise<VerifiedAccessToken> {
  let kid: string | undefined;
  try {
    kid = decodeProtectedHeader(token).kid;
  } catch {
    return null;
  }
  if (!kid) return null;
  const key = await keys.publicKey(kid);
  if (!key) return null;
  try {
    const { payload } = await jwtVerify(token, key, {
      issuer,
      audience: accessTokenAudience,
      algorithms: ["ES256"],
    });
    const role = payload.role;
    if (typeof payload.sub !== "string" || (role !== "admin" && role !== "user" && role !== "developer")) {
      return { ok: false, reason: "invalid" };
    }
    return { ok: true, claims: { sub: payload.sub, role, email: String(payload.email ?? "") } };
  } catch (error) {
    return { ok: false, reason: error instanceof errors.JWTExpired ? "expired" : "invalid" };
  }
}
