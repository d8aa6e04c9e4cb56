import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import type { Sql, SqlTx } from "./port.js";

export interface PgSqlOptions {
  kind: Sql["kind"];
  connectionString: string;
  poolSize: number;
  /** Non-owner role that every transaction runs as, so RLS cannot be bypassed. */
  appRole: string;
  schema?: string;
  /** Called once the pool has closed, e.g. to stop an embedded server. */
  onClose?: () => Promise<void>;
}

const tenantIdPattern = /^[A-Za-z0-9_.:-]{1,128}$/;
const identifierPattern = /^[a-z_][a-z0-9_]{0,62}$/;

/** int8 as a JS number (ids and millisecond timestamps fit), everything else as pg parses it. */
const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === 20) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

/** The `pg` pool behind both SQL adapters: PGlite over its loopback socket, or a PostgreSQL server. */
export async function createPgSql(options: PgSqlOptions): Promise<Sql> {
  const schema = options.schema ?? "public";
  if (!identifierPattern.test(schema)) throw new Error(`invalid schema name ${schema}`);
  if (!identifierPattern.test(options.appRole)) throw new Error(`invalid role name ${options.appRole}`);
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.poolSize,
    types,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 10_000,
    // The startup packet sets the schema, so no statement can run before it.
    options: `-c search_path=${schema},public`,
  });
  // Idle clients can lose their server (restart, failover); the pool replaces them.
  pool.on("error", () => {});
  const [who] = (await pool.query<{ current_user: string }>("SELECT current_user")).rows;
  const setRole = who?.current_user === options.appRole ? "" : `SET LOCAL ROLE ${options.appRole};`;
  // PGlite is one backend shared by every connection, so a connection's startup search_path is
  // not its own: each transaction sets the schema for itself.
  const setSchema = options.kind === "pglite" ? `SET LOCAL search_path TO ${schema}, public;` : "";

  const run = async <T>(prelude: string, work: (tx: SqlTx) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      await client.query(`BEGIN;${setSchema}${setRole}${prelude}`);
      const tx: SqlTx = {
        async query<R extends object>(text: string, params?: readonly unknown[]) {
          return (await client.query<R>(text, params as unknown[])).rows;
        },
        db: drizzle({ client }),
      };
      const result = await work(tx);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  };

  return {
    kind: options.kind,
    schema,
    async query<R extends object>(text: string, params?: readonly unknown[]) {
      if (!setSchema) return (await pool.query<R>(text, params as unknown[])).rows;
      const client = await pool.connect();
      try {
        await client.query(`BEGIN;${setSchema}`);
        const { rows } = await client.query<R>(text, params as unknown[]);
        await client.query("COMMIT");
        return rows;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    withTenant(tenantId, work) {
      if (!tenantIdPattern.test(tenantId)) throw new Error(`invalid tenant id ${JSON.stringify(tenantId)}`);
      return run(`SELECT set_config('app.tenant_id', '${tenantId}', true);`, work);
    },
    withSystem(work) {
      return run("SELECT set_config('app.system', 'on', true);", work);
    },
    async ping() {
      await pool.query("SELECT 1");
    },
    async close() {
      await pool.end();
      await options.onClose?.();
    },
  };
}
