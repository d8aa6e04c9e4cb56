import type { Sql } from "../../platform/sql/index.js";

/** Why the platform cannot serve retrieval on this database, with the exact fix. */
export class VectorStoreUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "VectorStoreUnavailableError";
  }
}

interface VectorStoreState {
  readonly installed: boolean;
  readonly available: boolean;
  readonly tablesReady: boolean;
  readonly serverMajor: number;
  readonly database: string;
}

/**
 * Retrieval needs pgvector. PGlite always has it; a PostgreSQL server may not, and then the
 * retrieval migration was skipped (see `migrate`). Rather than fail on the first search, the
 * platform stops at start with the command that fixes it, or runs without retrieval when
 * VECTOR_STORE=disabled says so.
 */
export async function assertVectorStoreReady(sql: Sql): Promise<void> {
  const state = await readVectorStoreState(sql);
  if (state.installed && state.tablesReady) return;
  throw new VectorStoreUnavailableError(vectorStoreFix(state));
}

async function readVectorStoreState(sql: Sql): Promise<VectorStoreState> {
  const [row] = await sql.query<{
    installed: boolean;
    available: boolean;
    tables_ready: boolean;
    server_version_num: string;
    database: string;
  }>(
    `SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'vector') AS installed,
            EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'vector') AS available,
            to_regclass($1) IS NOT NULL AS tables_ready,
            current_setting('server_version_num') AS server_version_num,
            current_database() AS database`,
    [`${sql.schema}.dataset_vectors`],
  );
  if (!row) throw new Error("the database did not describe its extensions");
  return {
    installed: row.installed,
    available: row.available,
    tablesReady: row.tables_ready,
    serverMajor: Math.floor(Number(row.server_version_num) / 10_000),
    database: row.database,
  };
}

export function vectorStoreFix(state: VectorStoreState): string {
  const disable =
    "Or set VECTOR_STORE=disabled to run without retrieval (documents still process; search is off).";
  if (!state.available) {
    return [
      `Retrieval needs the pgvector extension, which this PostgreSQL ${state.serverMajor} server does not have.`,
      `Fix: install it on the database server, e.g. on Debian/Ubuntu: apt-get install postgresql-${state.serverMajor}-pgvector`,
      `(other systems: https://github.com/pgvector/pgvector#installation), then start Tributary again:`,
      `its migrations create the extension (CREATE EXTENSION vector WITH SCHEMA public) in database "${state.database}".`,
      disable,
    ].join("\n");
  }
  return [
    `Retrieval needs the pgvector extension: it is available on this server but not created in database "${state.database}".`,
    `Fix: connect as a superuser and run: CREATE EXTENSION vector WITH SCHEMA public; then start Tributary again`,
    "(or run Tributary's migrations once as a role allowed to create extensions).",
    disable,
  ].join("\n");
}
