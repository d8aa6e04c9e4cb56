import { AppError } from "../../../platform/errors/index.js";

/** Runs a write that may break the (space, owner, name) rule of live notebooks (§6 N1) and says so. */
export async function withNameRule<T>(name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const pg = error as { code?: string; constraint?: string };
    if (pg.code === "23505" && pg.constraint === "notebooks_owner_name_key") {
      throw new AppError("CONFLICT", "Notebook with this name already exists", {
        details: { field: "name", name },
      });
    }
    throw error;
  }
}
