import { strict as assert } from "node:assert";
import type { Journey } from "./journey-context.js";

export interface Person {
  readonly email: string;
  readonly password: string;
}

/**
 * Spaces and invitations in the browser: the signed-in admin creates a shared space and invites
 * a colleague by email; the colleague, signed out, opens the link, signs in, sees what they are
 * invited to, accepts, lands in the space, and switches back to their personal space.
 */
export async function inviteIntoSharedSpace(journey: Journey, invitee: Person): Promise<void> {
  const { page } = journey;
  const link = await journey.step("create a shared space and invite a colleague", async () => {
    await page.goto(`${journey.baseUrl}/spaces`);
    await page.getByTestId("space-card").first().waitFor();
    await page.getByTestId("create-space").click();
    await page.getByLabel("Space name").fill("Glacier Field Team");
    await page.getByTestId("create-space-submit").click();
    await page.waitForURL(/\/s\/[^/]+\/knowledge/);
    const spaceId = journey.spaceIdFromUrl();
    await page.goto(`${journey.baseUrl}/s/${spaceId}/settings`);
    await page.getByLabel("Email to invite").fill(invitee.email);
    await page.getByTestId("create-invitation").click();
    const url = await page.getByTestId("invite-link-url").inputValue();
    assert.match(url, /\/invitations\/[^/]+$/);
    await journey.checkPage("space settings (invitation link)");
    return { url, spaceId };
  });

  await journey.step("the colleague opens the link, signs in, accepts and lands in the space", async () => {
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await page.waitForURL(/\/sign-in/);
    await page.goto(link.url);
    await page.getByRole("link", { name: "Sign in to accept" }).click();
    await page.waitForURL(/\/sign-in/);
    await page.getByLabel("Email").fill(invitee.email);
    await page.getByLabel("Password").fill(invitee.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/invitations\//);
    await page.getByTestId("invitation-space").filter({ hasText: "Glacier Field Team" }).waitFor();
    await journey.checkPage("invitation");
    await page.getByTestId("accept-invitation").click();
    await page.waitForURL(new RegExp(`/s/${link.spaceId}/knowledge`));
  });

  await journey.step("switch back to the personal space with the space switcher", async () => {
    await page.getByTestId("space-switcher").click();
    const personal = page.getByTestId("space-switcher-option").filter({ hasText: /Personal/ });
    await personal.first().click();
    await page.waitForURL(
      (url) => !url.pathname.includes(link.spaceId) && url.pathname.endsWith("/knowledge"),
    );
  });
}
