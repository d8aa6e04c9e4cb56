import type { Sql } from "../../platform/sql/index.js";
import type { Logger } from "../../platform/telemetry/logger.js";

/** What the content module's use cases need, built once by `createContentModule`. */
export interface ContentDeps {
  readonly sql: Sql;
  readonly logger: Logger | null;
  /** Wakes the event relay after a commit that appended events. */
  readonly notifyEvents: () => void;
}
