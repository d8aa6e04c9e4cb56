import { type CryptoKey, exportJWK, generateKeyPair, importJWK, type JWK } from "jose";
import type { SecretBox } from "../../platform/crypto/index.js";
import type { Sql } from "../../platform/sql/index.js";

const algorithm = "ES256";

interface ActiveKey {
  kid: string;
  privateKey: CryptoKey;
}

/**
 * The platform-managed JWT signing keys: ES256, private halves encrypted at rest, public halves
 * published as JWKS. The first node to need one creates it (under an advisory lock); every node
 * then signs with the newest active key and verifies with any published one.
 */
export class SigningKeys {
  private active: Promise<ActiveKey> | undefined;
  private publicKeys = new Map<string, Promise<CryptoKey>>();

  constructor(
    private readonly sql: Sql,
    private readonly secrets: SecretBox,
  ) {}

  current(): Promise<ActiveKey> {
    this.active ??= this.loadOrCreate().catch((error: unknown) => {
      this.active = undefined;
      throw error;
    });
    return this.active;
  }

  async jwks(): Promise<{ keys: JWK[] }> {
    await this.current();
    const rows = await this.sql.withSystem((tx) =>
      tx.query<{ public_jwk: JWK }>(
        "SELECT public_jwk FROM signing_keys WHERE retired_at IS NULL ORDER BY created_at",
      ),
    );
    return { keys: rows.map((row) => row.public_jwk) };
  }

  /** The public key for a token's `kid`, or null when we never issued one with that id. */
  publicKey(kid: string): Promise<CryptoKey | null> {
    let key = this.publicKeys.get(kid);
    if (!key) {
      key = this.sql
        .withSystem((tx) =>
          tx.query<{ public_jwk: JWK }>(
            "SELECT public_jwk FROM signing_keys WHERE kid = $1 AND retired_at IS NULL",
            [kid],
          ),
        )
        .then(async ([row]) => {
          if (!row) throw new Error("unknown kid");
          return (await importJWK(row.public_jwk, algorithm)) as CryptoKey;
        });
      this.publicKeys.set(kid, key);
    }
    return key.catch(() => {
      this.publicKeys.delete(kid);
      return null;
    });
  }

  private async loadOrCreate(): Promise<ActiveKey> {
    return this.sql.withSystem(async (tx) => {
      await tx.query("SELECT pg_advisory_xact_lock(hashtext('tributary:signing-keys'))");
      const [existing] = await tx.query<{ kid: string; private_jwk_encrypted: string }>(
        "SELECT kid, private_jwk_encrypted FROM signing_keys WHERE retired_at IS NULL ORDER BY created_at DESC LIMIT 1",
      );
      if (existing) {
        const jwk = JSON.parse(this.secrets.open(existing.private_jwk_encrypted)) as JWK;
        return { kid: existing.kid, privateKey: (await importJWK(jwk, algorithm)) as CryptoKey };
      }
      const { publicKey, privateKey } = await generateKeyPair(algorithm, { extractable: true });
      const kid = `k${Date.now().toString(36)}`;
      const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: algorithm, use: "sig" };
      const privateJwk = await exportJWK(privateKey);
      await tx.query(
        "INSERT INTO signing_keys (kid, algorithm, public_jwk, private_jwk_encrypted) VALUES ($1, $2, $3, $4)",
        [kid, algorithm, JSON.stringify(publicJwk), this.secrets.seal(JSON.stringify(privateJwk))],
      );
      return { kid, privateKey };
    });
  }
}
