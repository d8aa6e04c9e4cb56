import { AppError } from "../../../platform/errors/index.js";
import type { SqlTx } from "../../../platform/sql/index.js";

export interface UserRef {
  id: string;
  email: string;
  email_verified: boolean;
}

/** An existing account by id or email (§6 M8: membership is immediate; an unknown user is an error). */
export async function findUser(
  tx: SqlTx,
  who: { user_id?: string | undefined; email?: string | undefined },
): Promise<UserRef> {
  const [user] =
    who.user_id !== undefined
      ? await tx.query<UserRef>("SELECT id, email, email_verified FROM users WHERE id = $1", [who.user_id])
      : await tx.query<UserRef>(
          "SELECT id, email, email_verified FROM users WHERE lower(email) = lower($1)",
          [who.email ?? ""],
        );
  if (!user) {
    throw new AppError("NOT_FOUND", `No user with this ${who.user_id !== undefined ? "id" : "email"}`, {
      details: { field: who.user_id !== undefined ? "user_id" : "email" },
    });
  }
  return user;
}
