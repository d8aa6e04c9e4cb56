import type { Budget, CreateBudgetRequest, UpdateBudgetRequest } from "@tributary/contracts";
import { uuidv7 } from "uuidv7";
import type { SpaceContext } from "../../../platform/auth/index.js";
import { AppError, assertNever } from "../../../platform/errors/index.js";
import type { Sql } from "../../../platform/sql/index.js";
import { type BudgetRow, budgetColumns } from "./budget-rule.js";
import { withSpend } from "./budget-spend.js";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const spacePattern = /^space_[0-9]{1,40}$/;

/** Budgets are the tenant's money: only owners and admins of the space acting for it manage them. */
export function assertBudgetAdmin(space: SpaceContext): void {
  if (space.role === "owner" || space.role === "admin") return;
  throw new AppError("FORBIDDEN", `Your role (${space.role}) in this space does not allow managing budgets`, {
    details: { role: space.role },
  });
}

/** Every budget of the tenant, each with what it has spent in its current period. */
export async function listBudgets(sql: Sql, space: SpaceContext): Promise<Budget[]> {
  return sql.withTenant(space.tenantId, async (tx) => {
    const rows = await tx.query<BudgetRow>(
      `SELECT ${budgetColumns} FROM gateway_budgets WHERE tenant_id = $1 ORDER BY scope, scope_id, period`,
      [space.tenantId],
    );
    return withSpend(tx, rows);
  });
}

export async function createBudget(
  sql: Sql,
  space: SpaceContext,
  userId: string,
  request: CreateBudgetRequest,
): Promise<Budget> {
  const scopeId = scopeIdOf(space, request);
  try {
    return await sql.withTenant(space.tenantId, async (tx) => {
      const rows = await tx.query<BudgetRow>(
        `INSERT INTO gateway_budgets (id, tenant_id, scope, scope_id, period, limit_usd, mode, alert_threshold, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${budgetColumns}`,
        [
          uuidv7(),
          space.tenantId,
          request.scope,
          scopeId,
          request.period,
          request.limit_usd,
          request.mode,
          request.alert_threshold,
          userId,
        ],
      );
      // A new budget may already be spent: it counts the period's calls made before it existed.
      const [budget] = await withSpend(tx, rows);
      if (!budget) throw new Error("insert returned no row");
      return budget;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError(
        "CONFLICT",
        `A ${request.period} budget for this ${request.scope} already exists; update it`,
        {
          details: { scope: request.scope, scope_id: scopeId, period: request.period },
        },
      );
    }
    throw error;
  }
}

export async function updateBudget(
  sql: Sql,
  space: SpaceContext,
  id: string,
  patch: UpdateBudgetRequest,
): Promise<Budget> {
  const [budget] = await sql.withTenant(space.tenantId, async (tx) => {
    const rows = await tx.query<BudgetRow>(
      `UPDATE gateway_budgets SET limit_usd = coalesce($2, limit_usd), mode = coalesce($3, mode),
         alert_threshold = coalesce($4, alert_threshold), updated_at = now()
       WHERE id = $1 RETURNING ${budgetColumns}`,
      [id, patch.limit_usd ?? null, patch.mode ?? null, patch.alert_threshold ?? null],
    );
    return withSpend(tx, rows);
  });
  if (!budget) throw notFound(id);
  return budget;
}

export async function deleteBudget(sql: Sql, space: SpaceContext, id: string): Promise<void> {
  const deleted = await sql.withTenant(space.tenantId, (tx) =>
    tx.query("DELETE FROM gateway_budgets WHERE id = $1 RETURNING id", [id]),
  );
  if (deleted.length === 0) throw notFound(id);
}

/** The capped thing's id: the tenant and, by default, the space come from the server. */
function scopeIdOf(space: SpaceContext, request: CreateBudgetRequest): string {
  const given = request.scope_id;
  const invalid = (message: string) =>
    new AppError("VALIDATION_ERROR", message, { details: { field: "scope_id", scope: request.scope } });
  switch (request.scope) {
    case "tenant":
      if (given !== undefined && given !== space.tenantId)
        throw invalid("A tenant budget caps the space's own tenant");
      return space.tenantId;
    case "space": {
      const spaceId = given ?? space.spaceId;
      if (!spacePattern.test(spaceId))
        throw invalid("scope_id must be a space id such as space_1700000000001");
      return spaceId;
    }
    case "user":
    case "api_key":
      if (given === undefined || !uuidPattern.test(given)) {
        throw invalid(`scope_id must be the ${request.scope === "user" ? "user" : "API key"} id (a UUID)`);
      }
      return given.toLowerCase();
    default:
      return assertNever(request.scope);
  }
}

function notFound(id: string): AppError {
  return new AppError("NOT_FOUND", `Budget ${id} not found`);
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "23505";
}
