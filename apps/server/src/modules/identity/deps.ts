import type { IdentityConfig } from "../../config/index.js";
import type { AccessChanges } from "../../platform/auth/index.js";
import type { CacheStore } from "../../platform/cache/index.js";
import type { SecretBox } from "../../platform/crypto/index.js";
import type { Sql } from "../../platform/sql/index.js";
import type { Logger } from "../../platform/telemetry/logger.js";

/** What the identity module's use cases need, built once by `createIdentityModule`. */
export interface IdentityDeps {
  readonly sql: Sql;
  readonly cache: CacheStore;
  readonly config: IdentityConfig;
  readonly secrets: SecretBox;
  /** Issuer of our access tokens (TRIBUTARY_PUBLIC_URL, or http://HOST:PORT). */
  readonly issuer: string;
  readonly logger: Logger;
  /** Wakes the event relay after a commit that appended events. */
  readonly notifyEvents: () => void;
  /** Where use cases announce, after their commit, changes to a user's status or role and to memberships. */
  readonly accessChanges: AccessChanges;
}
