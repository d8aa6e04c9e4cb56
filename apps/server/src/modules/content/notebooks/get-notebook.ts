import type { Notebook } from "@tributary/contracts";
import { type ContentCaller, requireContentAccess } from "../access.js";
import type { ContentDeps } from "../deps.js";
import { loadVisibleNotebook } from "./load-notebook.js";
import { toNotebook } from "./notebook-row.js";

export async function getNotebook(
  deps: ContentDeps,
  caller: ContentCaller,
  notebookId: string,
): Promise<Notebook> {
  requireContentAccess(caller, "read");
  return deps.sql.withTenant(caller.space.tenantId, async (tx) =>
    toNotebook(await loadVisibleNotebook(tx, caller, notebookId)),
  );
}
