import type { NodePgDatabase } from "drizzle-orm/node-postgres";

export type Row = Record<string, unknown>;

/** A connection inside one transaction. Plain SQL for hot paths, Drizzle for the rest. */
export interface SqlTx {
  query<T extends object = Row>(text: string, params?: readonly unknown[]): Promise<T[]>;
  readonly db: NodePgDatabase;
}

/**
 * The SQL port. Tenant data is only ever touched through `withTenant`, which runs the
 * transaction as the non-owner application role with `app.tenant_id` set, so PostgreSQL
 * row-level security holds even if an application filter is forgotten.
 */
export interface Sql {
  readonly kind: "pglite" | "postgres";
  /** Schema that holds Tributary's tables (`public` unless isolated, e.g. in tests). */
  readonly schema: string;
  /** One statement outside any tenant, as the owner; for health probes and platform reads. */
  query<T extends object = Row>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /**
   * A transaction scoped to one tenant; RLS policies see `current_setting('app.tenant_id')`.
   * Never open a second transaction while holding one (pass `tx` down instead): the embedded
   * database has a single connection, so the inner one would wait for the outer forever.
   */
  withTenant<T>(tenantId: string, work: (tx: SqlTx) => Promise<T>): Promise<T>;
  /** A transaction for platform machinery (queues, outbox relay) that spans tenants. */
  withSystem<T>(work: (tx: SqlTx) => Promise<T>): Promise<T>;
  /** Throws when the database cannot answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
