import {
  budgetIdParamsSchema,
  budgetListSchema,
  budgetSchema,
  createBudgetRequestSchema,
  updateBudgetRequestSchema,
} from "@tributary/contracts";
import { z } from "zod";
import type { Principal, SpaceContext } from "../../../http/context.js";
import { type AnyRoute, defineRoute } from "../../../http/route-builder.js";
import { AppError } from "../../../platform/errors/index.js";
import type { Sql } from "../../../platform/sql/index.js";
import {
  assertBudgetAdmin,
  createBudget,
  deleteBudget,
  listBudgets,
  updateBudget,
} from "../budgets/manage-budgets.js";

export interface BudgetRouteDeps {
  readonly sql: Sql;
  /** The guard's cached budgets of the tenant are dropped after every change. */
  readonly budgets: { invalidate(tenantId: string): void };
}

const tags = ["gateway"];
const description =
  "Acts for the X-Space-ID space's tenant; only owners and admins of that space. Periods are UTC days " +
  "and calendar months; each budget reports what it has spent in the current one (`spend`). API keys " +
  "carry their own budgets in their settings, apart from these.";

/** Admin routes for the tenant's gateway budgets. */
export function budgetRoutes(deps: BudgetRouteDeps): AnyRoute[] {
  const changed = (space: SpaceContext) => deps.budgets.invalidate(space.tenantId);
  return [
    defineRoute({
      method: "GET",
      url: "/api/v1/gateway/budgets",
      summary: "The tenant's gateway budgets",
      description,
      tags,
      auth: "required",
      space: true,
      response: budgetListSchema,
      handler: async ({ principal, space }) => {
        const admin = adminSpace(principal, space, "read");
        return { data: await listBudgets(deps.sql, admin) };
      },
    }),
    defineRoute({
      method: "POST",
      url: "/api/v1/gateway/budgets",
      summary: "Create a budget for the tenant, a space, a user or an API key",
      description,
      tags,
      auth: "required",
      space: true,
      status: 201,
      body: createBudgetRequestSchema,
      response: budgetSchema,
      handler: async ({ principal, space, body }) => {
        const admin = adminSpace(principal, space, "write");
        const budget = await createBudget(deps.sql, admin, principal?.userId ?? "", body);
        changed(admin);
        return budget;
      },
    }),
    defineRoute({
      method: "PATCH",
      url: "/api/v1/gateway/budgets/:id",
      summary: "Change a budget's limit, mode or alert threshold",
      description,
      tags,
      auth: "required",
      space: true,
      params: budgetIdParamsSchema,
      body: updateBudgetRequestSchema,
      response: budgetSchema,
      handler: async ({ principal, space, params, body }) => {
        const admin = adminSpace(principal, space, "write");
        const budget = await updateBudget(deps.sql, admin, params.id, body);
        changed(admin);
        return budget;
      },
    }),
    defineRoute({
      method: "DELETE",
      url: "/api/v1/gateway/budgets/:id",
      summary: "Delete a budget",
      description,
      tags,
      auth: "required",
      space: true,
      status: 204,
      params: budgetIdParamsSchema,
      response: z.undefined(),
      handler: async ({ principal, space, params }) => {
        const admin = adminSpace(principal, space, "write");
        await deleteBudget(deps.sql, admin, params.id);
        changed(admin);
        return undefined;
      },
    }),
  ];
}

/** Keys need a spaces scope (reading may use spaces:read); the caller's role must be owner or admin. */
function adminSpace(
  principal: Principal | null,
  space: SpaceContext | null,
  access: "read" | "write",
): SpaceContext {
  if (!principal || !space) throw new AppError("UNAUTHORIZED", "Authentication required");
  const allowed = access === "read" ? ["spaces:read", "spaces:write", "admin"] : ["spaces:write", "admin"];
  if (principal.scopes !== null && !principal.scopes.some((scope) => allowed.includes(scope))) {
    throw new AppError(
      "FORBIDDEN",
      `This API key lacks a scope needed to manage budgets (one of ${allowed.join(", ")})`,
      {
        details: { required_scopes: allowed },
      },
    );
  }
  assertBudgetAdmin(space);
  return space;
}
