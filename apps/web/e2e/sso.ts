import { strict as assert } from "node:assert";
import type { Journey } from "./journey-context.js";

/** The person the test identity provider signs in when the browser reaches its login page. */
export const ssoPerson = {
  sub: "sso-katherine",
  email: "katherine@example.test",
  email_verified: true,
  given_name: "Katherine",
  family_name: "Johnson",
};

/** Sign out, then sign in with the configured OpenID provider's button, and land in a space. */
export async function signInWithSso(journey: Journey, person: typeof ssoPerson): Promise<void> {
  const { page } = journey;
  await journey.step("sign in with single sign-on", async () => {
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await page.waitForURL(/\/sign-in/);
    await page.getByRole("link", { name: /Test IdP/ }).click();
    await page.waitForURL(/\/s\/[^/]+\/knowledge/, { timeout: 30_000 });
    assert.ok(!page.url().includes("#"), "the tokens were left in the address bar");
    await page.getByText(`${person.given_name} ${person.family_name}`).first().waitFor();
    await journey.checkPage("signed in with SSO");
  });
}
