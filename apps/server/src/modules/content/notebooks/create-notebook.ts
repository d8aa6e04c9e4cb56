import type { CreateNotebookRequest, Notebook } from "@tributary/contracts";
import { uuidv7 } from "uuidv7";
import { type ContentCaller, requireContentAccess, requireMayPublish } from "../access.js";
import type { ContentDeps } from "../deps.js";
import { withNameRule } from "./notebook-name-conflict.js";
import { type NotebookRow, notebookColumns, toNotebook } from "./notebook-row.js";
import { lockNotebookTree, maxNotebookDepth, tooDeep } from "./notebook-tree.js";
import { resolveParent } from "./resolve-parent.js";

/** A notebook in the caller's space, owned by the caller, at the top level or under a parent. */
export async function createNotebook(
  deps: ContentDeps,
  caller: ContentCaller,
  request: CreateNotebookRequest,
): Promise<Notebook> {
  requireContentAccess(caller, "write");
  const visibility = request.visibility ?? "private";
  if (visibility === "public") requireMayPublish(caller);
  return deps.sql.withTenant(caller.space.tenantId, async (tx) => {
    await lockNotebookTree(tx, caller.space.spaceId);
    let parentId: string | null = null;
    if (request.parent_id) {
      const parent = await resolveParent(tx, caller, request.parent_id);
      if (parent.depth + 1 > maxNotebookDepth) throw tooDeep();
      parentId = parent.id;
    }
    const [row] = await withNameRule(request.name, () =>
      tx.query<NotebookRow>(
        `INSERT INTO notebooks AS n (id, tenant_id, space_id, parent_id, owner_id, name, description, visibility, tags)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${notebookColumns}`,
        [
          uuidv7(),
          caller.space.tenantId,
          caller.space.spaceId,
          parentId,
          caller.principal.userId,
          request.name,
          request.description ?? "",
          visibility,
          request.tags ?? [],
        ],
      ),
    );
    if (!row) throw new Error("notebook insert returned no row");
    return toNotebook(row);
  });
}
