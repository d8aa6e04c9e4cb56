import { strict as assert } from "node:assert";
import type { Browser } from "playwright-core";
import type { Journey } from "./journey-context.js";

/**
 * The app at a phone's 360 px and in dark mode: no page scrolls sideways, the menu opens, and axe
 * finds no serious contrast problems in the dark theme either.
 */
export async function checkLayouts(journey: Journey, browser: Browser): Promise<void> {
  const spaceId = journey.spaceIdFromUrl();
  // Refresh tokens rotate: each context continues from the tokens the previous one left, as tabs do.
  let storage = await journey.page.context().storageState();
  for (const scheme of ["light", "dark"] as const) {
    const context = await browser.newContext({
      baseURL: journey.baseUrl,
      viewport: { width: 360, height: 740 },
      colorScheme: scheme,
      storageState: storage,
    });
    const page = await context.newPage();
    for (const section of ["knowledge", "assistant", "playground"]) {
      await journey.step(`${section} at 360 px (${scheme})`, async () => {
        await page.goto(`${journey.baseUrl}/s/${spaceId}/${section}`);
        await page.getByRole("heading", { level: 1 }).first().waitFor();
        assert.ok(
          page.url().includes(`/s/${spaceId}/${section}`),
          `sent away from ${section}: ${page.url()}`,
        );
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 1, `${section} scrolls sideways by ${overflow} px at 360 px`);
        await journey.checkPage(`${section} 360px ${scheme}`, page);
      });
    }
    storage = await context.storageState();
    await context.close();
  }
}
