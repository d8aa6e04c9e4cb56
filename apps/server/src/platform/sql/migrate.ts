import { readdir, readFile } from "node:fs/promises";
import pg from "pg";

const migrationsDir = new URL("../../../migrations/", import.meta.url);
/** One lock for every migration run on a database: extensions and roles are database- or cluster-wide. */
const migrationLockKey = 7_302_114_511;

export interface MigrateOptions {
  connectionString: string;
  appRole: string;
  schema?: string;
}

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
  /** Migrations left for later because the server lacks an extension they require. */
  skipped: { file: string; extension: string }[];
}

/** A migration whose first line is `-- requires-extension: <name>` applies only where that extension is available. */
const requiresExtension = /^--\s*requires-extension:\s*([a-z0-9_]+)/;

/**
 * Applies the committed SQL migrations in order, each in its own transaction, under an advisory
 * lock so that any number of nodes may start at once. Then grants the application role what it
 * needs on the schema. `{{app_role}}` in a migration stands for the configured role name.
 */
export async function migrate({
  connectionString,
  appRole,
  schema = "public",
}: MigrateOptions): Promise<MigrationResult> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [migrationLockKey]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(`SET search_path TO ${schema}, public`);
    await ensureAppRole(client, appRole);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Set(
      (await client.query<{ name: string }>("SELECT name FROM schema_migrations")).rows.map((r) => r.name),
    );
    const files = (await readdir(migrationsDir)).filter((f) => f.endsWith(".sql")).sort();
    const applied: string[] = [];
    const skipped: MigrationResult["skipped"] = [];
    for (const file of files) {
      if (done.has(file)) continue;
      const sql = (await readFile(new URL(file, migrationsDir), "utf8")).replaceAll("{{app_role}}", appRole);
      const extension = requiresExtension.exec(sql)?.[1];
      if (extension && !(await extensionAvailable(client, extension))) {
        // Not recorded as applied: it runs on the first start after the extension is installed.
        skipped.push({ file, extension });
        continue;
      }
      try {
        await client.query("BEGIN");
        await client.query(sql);
        await client.query("INSERT INTO schema_migrations (name) VALUES ($1)", [file]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`migration ${file} failed: ${(error as Error).message}`, { cause: error });
      }
      applied.push(file);
    }
    await client.query(`GRANT USAGE ON SCHEMA ${schema} TO ${appRole}`);
    await client.query(
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${appRole}`,
    );
    await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${schema} TO ${appRole}`);
    return { applied, alreadyApplied: done.size, skipped };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [migrationLockKey]).catch(() => {});
    await client.end();
  }
}

async function extensionAvailable(client: pg.Client, name: string): Promise<boolean> {
  const rows = await client.query("SELECT 1 FROM pg_available_extensions WHERE name = $1", [name]);
  return rows.rowCount === 1;
}

async function ensureAppRole(client: pg.Client, appRole: string): Promise<void> {
  // Roles are cluster-wide and CREATE ROLE has no IF NOT EXISTS; concurrent starts race here.
  await client.query(`DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${appRole}') THEN
      CREATE ROLE ${appRole} NOLOGIN NOSUPERUSER NOBYPASSRLS;
    END IF;
  EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
  END $$`);
  const [me] = (
    await client.query<{ current_user: string; member: boolean }>(
      "SELECT current_user, pg_has_role(current_user, $1, 'MEMBER') AS member",
      [appRole],
    )
  ).rows;
  if (me && me.current_user !== appRole && !me.member) {
    await client.query(`GRANT ${appRole} TO CURRENT_USER`);
  }
}
