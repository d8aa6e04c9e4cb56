import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { type AxeFinding, seriousViolations } from "./accessibility.js";

/** What the steps share: the page, where screenshots go, and what the accessibility checks found. */
export class Journey {
  private screenshotCount = 0;
  readonly findings: AxeFinding[] = [];
  readonly visited: string[] = [];

  constructor(
    readonly page: Page,
    readonly baseUrl: string,
    readonly artifactsDir: string,
  ) {}

  async step<T>(name: string, run: () => Promise<T>): Promise<T> {
    const started = Date.now();
    process.stdout.write(`  • ${name} … `);
    try {
      const result = await run();
      console.info(`ok (${Date.now() - started} ms)`);
      return result;
    } catch (error) {
      console.info("FAILED");
      await this.screenshot(`failed-${name}`).catch(() => undefined);
      throw error;
    }
  }

  /** A full-page screenshot, numbered in visiting order, kept as a test artifact. */
  async screenshot(name: string, page: Page = this.page): Promise<string> {
    this.screenshotCount += 1;
    const slug = name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "");
    const path = join(
      this.artifactsDir,
      "screenshots",
      `${String(this.screenshotCount).padStart(2, "0")}-${slug}.png`,
    );
    await mkdir(join(this.artifactsDir, "screenshots"), { recursive: true });
    await page.screenshot({ path, fullPage: true });
    return path;
  }

  /** Screenshot plus axe-core check of a main page once it has settled. */
  async checkPage(name: string, page: Page = this.page): Promise<void> {
    // Pages with the live events stream never reach "networkidle": allow a short settle instead.
    await page.waitForLoadState("networkidle", { timeout: 2_000 }).catch(() => undefined);
    this.visited.push(name);
    await this.screenshot(name, page);
    this.findings.push(...(await seriousViolations(page, name)));
  }

  /** The signed-in user's access token, for test setup done through the API rather than the UI. */
  async accessToken(): Promise<string> {
    const raw = await this.page.evaluate(() => localStorage.getItem("tributary.session"));
    if (!raw) throw new Error("not signed in");
    return (JSON.parse(raw) as { accessToken: string }).accessToken;
  }

  spaceIdFromUrl(): string {
    const match = /\/s\/([^/]+)\//.exec(new URL(this.page.url()).pathname);
    if (!match?.[1]) throw new Error(`not inside a space: ${this.page.url()}`);
    return match[1];
  }
}
