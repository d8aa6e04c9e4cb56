import type { BudgetMode, BudgetPeriod, BudgetScope } from "@tributary/contracts";
import { LRUCache } from "lru-cache";
import type { CacheStore, ReservationCounter } from "../../../platform/cache/index.js";
import { assertNever } from "../../../platform/errors/index.js";
import type { Sql } from "../../../platform/sql/index.js";
import type { Logger } from "../../../platform/telemetry/logger.js";
import { spentSince } from "../../usage/index.js";
import { type CounterReading, createBudgetAlerts, mayCrossAlert } from "./budget-alerts.js";
import { type PeriodWindow, periodWindow } from "./budget-period.js";
import { type BudgetRule, type KeyBudgetSettings, keyBudgetRules } from "./budget-rule.js";
import { spendScope } from "./budget-spend.js";
import { scopeKey, TenantBudgetCache, type TenantBudgets } from "./tenant-budgets.js";
import { fromNanoUsd, toNanoUsd } from "./usd-units.js";

export interface BudgetGuardOptions {
  readonly sql: Sql;
  readonly cache: CacheStore;
  readonly logger: Logger;
  /** Called after an alert event is committed, for prompt delivery (`events.notify()`). */
  readonly notifyEvents?: () => void;
  /** How long a tenant's budgets are reused before SQL is asked again; 5 000 ms by default. */
  readonly budgetsTtlMs?: number;
}

export interface ReserveInput {
  readonly tenantId: string;
  readonly spaceId: string;
  readonly userId: string;
  readonly apiKeyId: string | null;
  /** The calling key's own budgets (`Principal.apiKey.gateway`), if any. */
  readonly keyBudgets?: KeyBudgetSettings | null;
  /** What the call may cost at most, as far as can be told before it runs. */
  readonly estimateUsd: number;
  /** Picks the day and month; the current time by default. */
  readonly now?: Date;
}

/** The hard budget a refused call would have passed. */
export interface BudgetExceeded {
  readonly budget_id: string;
  readonly scope: BudgetScope;
  readonly scope_id: string;
  readonly period: BudgetPeriod;
  readonly limit_usd: number;
  /** Spent so far plus what calls in flight have reserved. */
  readonly spent_usd: number;
}

/** A call's hold on its budgets; settle or release it exactly once (later calls do nothing). */
export interface BudgetReservation {
  readonly tenantId: string;
  readonly spaceId: string;
  readonly estimateUsd: number;
  /** The budgets it holds, for logs. */
  readonly budgets: ReadonlyArray<{
    readonly id: string;
    readonly mode: BudgetMode;
    readonly period: BudgetPeriod;
  }>;
}

export type ReserveResult =
  | { readonly ok: true; readonly reservation: BudgetReservation }
  | { readonly ok: false; readonly exceeded: BudgetExceeded };

export interface BudgetGuard {
  /**
   * Reserves the estimate on every budget that applies (tenant, space, user, key, and the key's
   * own), all or nothing: a hard budget whose spent + reserved + estimate would pass its limit
   * refuses the call. Soft budgets never refuse; they alert. Throws when the cache fails.
   */
  reserve(input: ReserveInput): Promise<ReserveResult>;
  /** Replaces the estimate by the actual cost (counters move by actual − estimate). */
  settle(reservation: BudgetReservation, actualUsd: number): Promise<void>;
  /** Gives the whole estimate back: the call failed and cost nothing. */
  release(reservation: BudgetReservation): Promise<void>;
  /** Forgets a tenant's cached budgets; admin changes call it. */
  invalidate(tenantId: string): void;
  /** Resolves once the alerts raised so far are written (tests, shutdown). */
  idle(): Promise<void>;
}

interface Hold {
  readonly key: string;
  readonly rule: BudgetRule;
  readonly window: PeriodWindow;
}

/**
 * The holds a caller's calls take, with the counters and the budget list built from them. Every
 * call of a caller on one day takes the same ones, so they are built once and reused until the
 * tenant's budgets are reloaded, the key's own budgets, the space or the user change, or the day
 * turns.
 */
interface HoldPlan {
  readonly tenantBudgets: TenantBudgets;
  readonly day: number;
  readonly tenantId: string;
  readonly spaceId: string;
  readonly userId: string;
  readonly apiKeyId: string | null;
  readonly keyBudgets: KeyBudgetSettings | null;
  readonly holds: readonly Hold[];
  readonly counters: readonly ReservationCounter[];
  readonly budgets: BudgetReservation["budgets"];
}

const noReadings: readonly CounterReading[] = [];

/**
 * A reservation that carries its guard's bookkeeping in private fields. Not a WeakMap from
 * reservation to state: one WeakMap entry per call made every young-generation GC walk a growing
 * ephemeron table until the next full GC (decision 0017).
 */
class HeldReservation implements BudgetReservation {
  readonly #owner: object;
  readonly #holds: readonly Hold[];
  readonly #amountNano: number;
  #done = false;

  constructor(
    readonly tenantId: string,
    readonly spaceId: string,
    readonly estimateUsd: number,
    readonly budgets: BudgetReservation["budgets"],
    holding: { owner: object; holds: readonly Hold[]; amountNano: number },
  ) {
    this.#owner = holding.owner;
    this.#holds = holding.holds;
    this.#amountNano = holding.amountNano;
  }

  /** Its holds, the first time `owner` asks; null after that, or when another guard made it. */
  static claim(
    reservation: BudgetReservation,
    owner: object,
  ): { holds: readonly Hold[]; amountNano: number } | null {
    if (!(reservation instanceof HeldReservation) || reservation.#owner !== owner || reservation.#done) {
      return null;
    }
    reservation.#done = true;
    return { holds: reservation.#holds, amountNano: reservation.#amountNano };
  }
}

const dayMs = 86_400_000;
/** Seeding and reserving again is bounded: a counter vanishing twice in a row is a broken store. */
const maxSeedRounds = 3;

/**
 * Budget enforcement on the cache's reservation counters: one counter per budget and period
 * (`gateway:budget:{tenant}:<budget id>:<2026-11-22 | 2026-11>`), seeded on first use from the
 * usage records of the period, so restarted processes and other nodes agree. On the memory cache
 * a reservation is a synchronous in-process step; on Redis, one Lua script over all counters.
 */
export function createBudgetGuard(options: BudgetGuardOptions): BudgetGuard {
  const { sql, cache } = options;
  const budgets = new TenantBudgetCache(sql, options.logger, options.budgetsTtlMs ?? 5_000);
  const alerts = createBudgetAlerts(options);
  // Identifies this guard's reservations (tests run several guards in one process).
  const owner = {};
  // Concurrent first uses of a counter share one SQL sum.
  const seeding = new Map<string, Promise<void>>();

  // One plan per caller (its key, or its user for session calls): each call's holds without rebuilding them.
  const plans = new LRUCache<string, HoldPlan>({ max: 10_000 });

  async function holdPlan(input: ReserveInput, now: Date): Promise<HoldPlan> {
    const tenant = await budgets.get(input.tenantId);
    const day = Math.floor(now.getTime() / dayMs);
    const planKey = input.apiKeyId ?? input.userId;
    const known = plans.get(planKey);
    if (known && known.tenantBudgets === tenant && known.day === day && samePlanInput(known, input)) {
      return known;
    }
    const holds = applicableRules(tenant, input).map((rule): Hold => {
      const window = periodWindow(rule.period, now);
      return { key: `gateway:budget:{${input.tenantId}}:${rule.id}:${window.label}`, rule, window };
    });
    const plan: HoldPlan = {
      tenantBudgets: tenant,
      day,
      tenantId: input.tenantId,
      spaceId: input.spaceId,
      userId: input.userId,
      apiKeyId: input.apiKeyId,
      keyBudgets: input.keyBudgets ?? null,
      holds,
      counters: holds.map(({ key, rule }) => ({ key, limit: rule.mode === "hard" ? rule.limitNano : null })),
      budgets: holds.map(({ rule }) => ({ id: rule.id, mode: rule.mode, period: rule.period })),
    };
    plans.set(planKey, plan);
    return plan;
  }

  function applicableRules(tenant: TenantBudgets, input: ReserveInput): BudgetRule[] {
    const rules = [
      ...(tenant.get(scopeKey("tenant", input.tenantId)) ?? []),
      ...(tenant.get(scopeKey("space", input.spaceId)) ?? []),
      ...(tenant.get(scopeKey("user", input.userId)) ?? []),
    ];
    if (input.apiKeyId !== null) {
      rules.push(...(tenant.get(scopeKey("api_key", input.apiKeyId)) ?? []));
      if (input.keyBudgets) rules.push(...keyBudgetRules(input.apiKeyId, input.keyBudgets));
    }
    return rules;
  }

  function seed(tenantId: string, holds: readonly Hold[], now: Date): Promise<void> {
    const missing = holds.filter((hold) => !seeding.has(hold.key));
    if (missing.length > 0) {
      const run = seedFromUsage(tenantId, missing, now).finally(() => {
        for (const hold of missing) seeding.delete(hold.key);
      });
      for (const hold of missing) seeding.set(hold.key, run);
    }
    return Promise.all(holds.map((hold) => seeding.get(hold.key))).then(() => undefined);
  }

  async function seedFromUsage(tenantId: string, holds: readonly Hold[], now: Date): Promise<void> {
    const spent = await sql.withTenant(tenantId, async (tx) => {
      const sums: number[] = [];
      for (const hold of holds) {
        sums.push(await spentSince(tx, spendScope(tenantId, hold.rule), hold.window.start, hold.window.end));
      }
      return sums;
    });
    await Promise.all(
      holds.map((hold, i) =>
        // setIfAbsent: when several nodes seed at once, the first value stands for all.
        cache.reservations.seed(
          hold.key,
          toNanoUsd(spent[i] ?? 0, "nearest"),
          counterTtlMs(hold.window, now),
        ),
      ),
    );
  }

  /** The counters that may have crossed an alert threshold: none, on almost every call. */
  function readings(holds: readonly Hold[], totals: readonly (number | null)[]): readonly CounterReading[] {
    let crossing: CounterReading[] | null = null;
    for (let i = 0; i < holds.length; i++) {
      const hold = holds[i];
      const totalNano = totals[i];
      if (!hold || totalNano === null || totalNano === undefined) continue;
      if (!mayCrossAlert(hold.rule, totalNano)) continue;
      crossing ??= [];
      crossing.push({ rule: hold.rule, window: hold.window, totalNano });
    }
    return crossing ?? noReadings;
  }

  async function finish(
    reservation: BudgetReservation,
    deltaOf: (amountNano: number) => number,
  ): Promise<void> {
    const held = HeldReservation.claim(reservation, owner);
    if (!held) return;
    const delta = deltaOf(held.amountNano);
    if (held.holds.length === 0 || delta === 0) return;
    const totals = await cache.reservations.adjust(
      held.holds.map((hold) => hold.key),
      delta,
    );
    if (delta > 0) alerts.check(reservation.tenantId, reservation.spaceId, readings(held.holds, totals));
  }

  return {
    async reserve(input) {
      const now = input.now ?? new Date();
      const amountNano = toNanoUsd(input.estimateUsd, "up");
      const { holds, counters, budgets: held } = await holdPlan(input, now);
      const reservation = new HeldReservation(input.tenantId, input.spaceId, input.estimateUsd, held, {
        owner,
        holds,
        amountNano,
      });
      if (holds.length === 0) return { ok: true, reservation };
      for (let round = 0; round < maxSeedRounds; round++) {
        const outcome = await cache.reservations.reserve(counters, amountNano);
        switch (outcome.status) {
          case "missing":
            await seed(
              input.tenantId,
              outcome.missing.flatMap((i) => holds[i] ?? []),
              now,
            );
            continue;
          case "refused": {
            const hold = holds[outcome.index];
            if (!hold) throw new Error(`budget counter ${outcome.index} refused but is unknown`);
            return {
              ok: false,
              exceeded: {
                budget_id: hold.rule.id,
                scope: hold.rule.scope,
                scope_id: hold.rule.scopeId,
                period: hold.rule.period,
                limit_usd: hold.rule.limitUsd,
                spent_usd: fromNanoUsd(outcome.totals[outcome.index] ?? 0),
              },
            };
          }
          case "reserved":
            alerts.check(input.tenantId, input.spaceId, readings(holds, outcome.totals));
            return { ok: true, reservation };
          default:
            return assertNever(outcome);
        }
      }
      throw new Error("budget counters disappeared while being seeded; is the cache evicting them?");
    },
    settle(reservation, actualUsd) {
      const actualNano = toNanoUsd(actualUsd, "nearest");
      return finish(reservation, (amountNano) => actualNano - amountNano);
    },
    release(reservation) {
      return finish(reservation, (amountNano) => -amountNano);
    },
    invalidate(tenantId) {
      budgets.invalidate(tenantId);
    },
    idle() {
      return alerts.idle();
    },
  };
}

function samePlanInput(plan: HoldPlan, input: ReserveInput): boolean {
  const key = input.keyBudgets ?? null;
  const planned = plan.keyBudgets;
  return (
    plan.tenantId === input.tenantId &&
    plan.spaceId === input.spaceId &&
    plan.userId === input.userId &&
    plan.apiKeyId === input.apiKeyId &&
    (key === planned ||
      (key !== null &&
        planned !== null &&
        key.budget_daily_usd === planned.budget_daily_usd &&
        key.budget_monthly_usd === planned.budget_monthly_usd &&
        key.budget_mode === planned.budget_mode))
  );
}

/** Counters outlive their period by two days, so calls that straddle midnight still settle. */
function counterTtlMs(window: PeriodWindow, now: Date): number {
  return Math.max(0, window.end.getTime() - now.getTime()) + 2 * dayMs;
}
