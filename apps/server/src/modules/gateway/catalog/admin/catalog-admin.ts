import type { Principal } from "../../../../platform/auth/index.js";
import { AppError } from "../../../../platform/errors/index.js";
import type { Sql } from "../../../../platform/sql/index.js";
import type { Logger } from "../../../../platform/telemetry/logger.js";
import type { ModelEntry, ProviderEntry } from "../catalog-entries.js";
import type { Catalog } from "../catalog-store.js";

/** What the catalog's admin use cases need. */
export interface CatalogAdmin {
  readonly catalog: Catalog;
  readonly sql: Sql;
  readonly logger: Logger;
}

/** The catalog is platform-wide: only platform admins manage it (a key also needs the admin scope). */
export function requirePlatformAdmin(principal: Principal | null): Principal {
  if (!principal) throw new AppError("UNAUTHORIZED", "Authentication required");
  if (principal.platformRole !== "admin") {
    throw new AppError("FORBIDDEN", "Managing the model catalog requires the platform admin role");
  }
  return principal;
}

/** The provider as the catalog knows it, after catching up with changes made on other nodes. */
export async function findProvider(admin: CatalogAdmin, id: string): Promise<ProviderEntry> {
  await admin.catalog.sync();
  const entry = admin.catalog.state().providers.find((candidate) => candidate.provider.id === id);
  if (!entry) throw new AppError("NOT_FOUND", `Provider ${id} not found`);
  return entry;
}

export async function findModel(admin: CatalogAdmin, id: string): Promise<ModelEntry> {
  await admin.catalog.sync();
  const entry = admin.catalog.state().models.find((candidate) => candidate.id === id);
  if (!entry) throw new AppError("NOT_FOUND", `Model ${id} not found`);
  return entry;
}

/** Entries declared in configuration change only there. */
export function refuseDeclared(kind: "Provider" | "Model", name: string, source: "config" | "api"): void {
  if (source !== "config") return;
  throw new AppError(
    "CONFLICT",
    `${kind} "${name}" is declared in configuration (TRIBUTARY_PROVIDERS); change it there`,
    { details: { source: "config" } },
  );
}

/** A unique index refused the write: someone took the name meanwhile. */
export function conflictOnUnique(error: unknown, message: string): never {
  if ((error as { code?: string }).code === "23505")
    throw new AppError("CONFLICT", message, { cause: error });
  throw error;
}
