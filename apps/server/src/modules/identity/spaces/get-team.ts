import type { Team } from "@tributary/contracts";
import type { Principal } from "../../../platform/auth/index.js";
import { authorize } from "../authorization.js";
import type { IdentityContext } from "../identity-context.js";
import { loadTeamAccess, teamResource, toTeam, withTeamTenant } from "./team-access.js";

export async function getTeam(context: IdentityContext, principal: Principal, teamId: string): Promise<Team> {
  return withTeamTenant(context, teamId, async (tx) => {
    const access = await loadTeamAccess(tx, principal, teamId);
    authorize(principal, "team.read", teamResource(access));
    return toTeam(access.team);
  });
}
