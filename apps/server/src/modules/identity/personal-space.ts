import type { Sql } from "../../platform/sql/index.js";

/** The user's personal space: where calls without `X-Space-ID` act (the gateway's default). */
export async function personalSpaceOf(sql: Sql, userId: string): Promise<string | null> {
  const [row] = await sql.withSystem((tx) =>
    tx.query<{ personal_space_id: string | null }>("SELECT personal_space_id FROM users WHERE id = $1", [
      userId,
    ]),
  );
  return row?.personal_space_id ?? null;
}
