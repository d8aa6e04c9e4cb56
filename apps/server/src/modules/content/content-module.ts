import type { Sql } from "../../platform/sql/index.js";
import type { Logger } from "../../platform/telemetry/logger.js";
import type { ContentDeps } from "./deps.js";
import { documentRoutes } from "./routes/document-routes.js";
import { notebookRoutes } from "./routes/notebook-routes.js";

export interface ContentModuleOptions {
  readonly sql: Sql;
  readonly logger?: Logger;
  /** Wakes the event relay after a commit that appended events (`resources.events.notify()`). */
  readonly notifyEvents?: () => void;
}

/** Content: notebooks and document metadata. Its routes; the tx-level API is in index.ts. */
export function createContentModule(options: ContentModuleOptions) {
  const deps: ContentDeps = {
    sql: options.sql,
    logger: options.logger ?? null,
    notifyEvents: options.notifyEvents ?? (() => {}),
  };
  return { routes: [...notebookRoutes(deps), ...documentRoutes(deps)] };
}

export type ContentModule = ReturnType<typeof createContentModule>;
