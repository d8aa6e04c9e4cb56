import { setTimeout as sleep } from "node:timers/promises";
import { AppError } from "../../platform/errors/index.js";
import type { IdentityContext } from "./identity-context.js";

/**
 * Limits failed logins per account and per client address within a window (counters in the
 * shared cache, so every node sees them), and answers each failure more slowly than the last.
 */
export class LoginGuard {
  constructor(private readonly context: IdentityContext) {}

  private keys(email: string, ip: string | null): string[] {
    const keys = [`login-fail:acct:${email.toLowerCase()}`];
    if (ip) keys.push(`login-fail:ip:${ip}`);
    return keys;
  }

  /** Refuses with 429 while the account or the address has used up its failures. */
  async assertAllowed(email: string, ip: string | null): Promise<void> {
    const { perAccount, perAddress, windowSeconds } = this.context.config.loginLimits;
    const [account, address] = await Promise.all(
      this.keys(email, ip).map((key) => this.context.cache.get(key)),
    );
    if (Number(account ?? 0) >= perAccount || Number(address ?? 0) >= perAddress) {
      throw new AppError("RATE_LIMITED", "Too many failed sign-in attempts; try again later", {
        headers: { "retry-after": String(windowSeconds) },
      });
    }
  }

  /** Counts a failure and waits a growing delay before the caller answers. */
  async recordFailure(email: string, ip: string | null): Promise<void> {
    const windowMs = this.context.config.loginLimits.windowSeconds * 1000;
    const counts = await Promise.all(
      this.keys(email, ip).map((key) => this.context.cache.increment(key, 1, windowMs)),
    );
    const failures = Math.max(...counts);
    const base = this.context.config.loginLimits.failureDelayMs;
    await sleep(base * 2 ** Math.min(failures - 1, 3));
  }

  async recordSuccess(email: string): Promise<void> {
    await this.context.cache.delete(`login-fail:acct:${email.toLowerCase()}`);
  }
}
