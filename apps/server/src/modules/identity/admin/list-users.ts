import type { User } from "@tributary/contracts";
import type { Principal } from "../../../platform/auth/index.js";
import { decodeCursor, toPage, uuidKey } from "../../../platform/pagination/index.js";
import type { IdentityContext } from "../identity-context.js";
import { toUser, type UserRow, userColumns } from "../user-row.js";
import { requirePlatformAdmin } from "./require-admin.js";

export interface ListUsersQuery {
  limit: number;
  cursor?: string | undefined;
  status?: User["status"] | undefined;
  email?: string | undefined;
}

/** Every account on the platform, oldest first, optionally by status or part of the email. */
export async function listUsers(
  context: IdentityContext,
  caller: Principal | null,
  query: ListUsersQuery,
): Promise<{ data: User[]; next_cursor: string | null; has_more: boolean }> {
  requirePlatformAdmin(caller);
  const [after] = decodeCursor(query.cursor, [uuidKey]) ?? [null];
  const emailPattern = query.email ? `%${query.email.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = await context.sql.withSystem((tx) =>
    tx.query<UserRow>(
      `SELECT ${userColumns} FROM users
       WHERE ($1::uuid IS NULL OR id > $1::uuid)
         AND ($2::text IS NULL OR status = $2)
         AND ($3::text IS NULL OR email ILIKE $3)
       ORDER BY id LIMIT $4`,
      [after, query.status ?? null, emailPattern, query.limit + 1],
    ),
  );
  return toPage(rows, query.limit, (row) => [row.id], toUser);
}
