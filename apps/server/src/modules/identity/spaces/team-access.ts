import type { Team } from "@tributary/contracts";
import type { Principal } from "../../../platform/auth/index.js";
import { AppError } from "../../../platform/errors/index.js";
import type { SqlTx } from "../../../platform/sql/index.js";
import type { GroupRole, MemberChange, Resource } from "../authorization.js";
import type { IdentityContext } from "../identity-context.js";

export interface TeamRow {
  id: string;
  tenant_id: string;
  organization_id: string;
  name: string;
  description: string;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

export const teamColumns =
  "t.id, t.tenant_id, t.organization_id, t.name, t.description, t.created_by, t.created_at, t.updated_at";

export interface TeamAccess {
  readonly team: TeamRow;
  readonly role: GroupRole | null;
  readonly organizationRole: GroupRole | null;
}

/** Runs `work` in a team's tenant (its organization's), looked up first; unknown teams are 404. */
export async function withTeamTenant<T>(
  context: IdentityContext,
  teamId: string,
  work: (tx: SqlTx) => Promise<T>,
): Promise<T> {
  const [row] = await context.sql.withSystem((tx) =>
    tx.query<{ tenant_id: string }>(
      `SELECT t.tenant_id FROM teams t JOIN organizations o ON o.id = t.organization_id
       WHERE t.id = $1 AND o.deleted_at IS NULL`,
      [teamId],
    ),
  );
  if (!row) throw notFound(teamId);
  return context.sql.withTenant(row.tenant_id, work);
}

export async function loadTeamAccess(
  tx: SqlTx,
  principal: Principal,
  teamId: string,
  options: { lock?: boolean } = {},
): Promise<TeamAccess> {
  const [team] = await tx.query<TeamRow>(
    `SELECT ${teamColumns} FROM teams t WHERE t.id = $1${options.lock ? " FOR UPDATE" : ""}`,
    [teamId],
  );
  if (!team) throw notFound(teamId);
  const [roles] = await tx.query<{ team_role: GroupRole | null; organization_role: GroupRole | null }>(
    `SELECT (SELECT role FROM team_members WHERE team_id = $1 AND user_id = $3) AS team_role,
            (SELECT role FROM organization_members WHERE organization_id = $2 AND user_id = $3) AS organization_role`,
    [teamId, team.organization_id, principal.userId],
  );
  return { team, role: roles?.team_role ?? null, organizationRole: roles?.organization_role ?? null };
}

export function teamResource(access: TeamAccess, change?: MemberChange<GroupRole>): Resource {
  return {
    kind: "team",
    id: access.team.id,
    role: access.role,
    organizationRole: access.organizationRole,
    ...(change ? { change } : {}),
  };
}

export function toTeam(row: TeamRow): Team {
  return {
    id: row.id,
    organization_id: row.organization_id,
    name: row.name,
    description: row.description,
    created_by: row.created_by,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

function notFound(teamId: string): AppError {
  return new AppError("NOT_FOUND", `Team ${teamId} not found`);
}
