import type { JsonValue } from "../../../platform/events/index.js";
import { appendEvent } from "../../../platform/events/index.js";
import type { SqlTx } from "../../../platform/sql/index.js";
import { type AuditAction, recordAudit } from "../audit.js";

export interface Change {
  /** Both the audit action and the event type (`space.member_added`, …). */
  action: AuditAction;
  tenantId: string;
  actorUserId: string;
  targetType: string;
  targetId: string;
  spaceId?: string;
  data: { [key: string]: JsonValue };
}

/** Audits a change and emits its event in the caller's transaction: both commit with it, or neither. */
export async function recordChange(tx: SqlTx, change: Change): Promise<void> {
  await recordAudit(tx, {
    action: change.action,
    tenantId: change.tenantId,
    actorUserId: change.actorUserId,
    targetType: change.targetType,
    targetId: change.targetId,
    details: change.data,
  });
  await appendEvent(tx, {
    type: change.action,
    source: "identity",
    data: change.data,
    metadata: {
      tenant_id: change.tenantId,
      user_id: change.actorUserId,
      ...(change.spaceId ? { space_id: change.spaceId } : {}),
    },
  });
}
