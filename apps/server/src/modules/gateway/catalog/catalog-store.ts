import type { DeclaredProvider } from "../../../config/config.js";
import type { Cache } from "../../../platform/cache/index.js";
import { createSecretBox, type SecretBox } from "../../../platform/crypto/index.js";
import type { Sql } from "../../../platform/sql/index.js";
import type { Logger } from "../../../platform/telemetry/logger.js";
import { buildCatalogState, type CatalogState } from "./build-snapshot.js";
import { type DeclaredCatalog, parseDeclaredCatalog } from "./declared-catalog.js";
import { loadStoredCatalog, type StoredCatalog } from "./stored-catalog.js";
import type { CatalogSnapshot } from "./types.js";

/** Bumped after every admin change; every node polls it and reloads when it moves. */
export const catalogVersionKey = "gateway:catalog:version";
const versionTtlMs = 30 * 24 * 3_600_000;

export interface CatalogOptions {
  readonly sql: Sql;
  readonly cache: Cache;
  /** TRIBUTARY_SECRET_KEY: provider keys are sealed with it at rest. */
  readonly secretKey: string;
  /** `config.gateway.providers` (TRIBUTARY_PROVIDERS). */
  readonly declared: readonly DeclaredProvider[];
  /** `config.gateway.upstreamTimeoutMs`, for providers that set no timeout. */
  readonly defaultTimeoutMs: number;
  readonly logger: Logger;
  /** How often `start()` checks the version key (one cache read). */
  readonly pollMs?: number;
  /**
   * Reload at least this often even when the version key did not move: a safety net for nodes
   * that do not share a cache (the embedded memory cache), where no other node can tell them.
   */
  readonly maxAgeMs?: number;
}

export interface Catalog {
  /** The current immutable snapshot; never touches the database. */
  snapshot(): CatalogSnapshot;
  /** Reloads from the database now (concurrent calls share one reload). */
  refresh(): Promise<void>;
  /** Loads once, then polls the version key; throws when the first load fails. */
  start(): Promise<void>;
  stop(): void;
  /** Reloads when another node changed the catalog, a price version took effect, or the snapshot is old. */
  sync(): Promise<boolean>;
  /** After an admin write committed: tells every node (version key) and reloads here at once. */
  changed(): Promise<void>;
  /** The snapshot with the entries behind it (timestamps, sources), for the admin API. */
  state(): CatalogState;
  readonly declared: DeclaredCatalog;
  readonly secrets: SecretBox;
}

/**
 * The model catalog: declared providers and models (validated here, so a bad configuration fails
 * at start with a clear Error) merged with the admin-managed tables into an in-memory snapshot.
 */
export function createCatalog(options: CatalogOptions): Catalog {
  const { sql, cache, logger } = options;
  const pollMs = options.pollMs ?? 1_000;
  const maxAgeMs = options.maxAgeMs ?? 60_000;
  const declared = parseDeclaredCatalog(options.declared, options.defaultTimeoutMs);
  const secrets = createSecretBox(options.secretKey);
  const empty: StoredCatalog = { providers: [], models: [] };
  const warn = (message: string, details: Record<string, unknown>) => logger.warn(details, message);

  let snapshotVersion = 0;
  let state = buildCatalogState({ declared, stored: empty, version: snapshotVersion, now: Date.now(), warn });
  let seenVersion: string | null | undefined;
  let loadedAt = 0;
  let inFlight: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;

  const load = async () => {
    // Read the version first: a change committed after this read moves it again, and is seen next poll.
    const version = await cache.get(catalogVersionKey);
    const stored = await loadStoredCatalog(sql, secrets, options.defaultTimeoutMs, logger);
    const now = Date.now();
    snapshotVersion += 1;
    state = buildCatalogState({ declared, stored, version: snapshotVersion, now, warn });
    seenVersion = version;
    loadedAt = now;
  };

  const refresh = (): Promise<void> => {
    if (inFlight) {
      // A reload is running but may have read the tables before the caller's change: run once more.
      again = true;
      return inFlight;
    }
    const run = async () => {
      try {
        do {
          again = false;
          await load();
        } while (again);
      } finally {
        inFlight = null;
      }
    };
    inFlight = run();
    return inFlight;
  };

  const sync = async (): Promise<boolean> => {
    const version = await cache.get(catalogVersionKey);
    const now = Date.now();
    const stale =
      version !== seenVersion ||
      now - loadedAt >= maxAgeMs ||
      (state.nextPriceChangeAt !== null && state.nextPriceChangeAt <= now);
    if (stale) await refresh();
    return stale;
  };

  return {
    declared,
    secrets,
    snapshot: () => state.snapshot,
    state: () => state,
    refresh,
    sync,
    async start() {
      await refresh();
      timer ??= setInterval(() => {
        sync().catch((error: unknown) => logger.warn({ err: error }, "gateway catalog reload failed"));
      }, pollMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
    async changed() {
      await cache.increment(catalogVersionKey, 1, versionTtlMs);
      await refresh();
    },
  };
}
