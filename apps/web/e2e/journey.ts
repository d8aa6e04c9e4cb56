import { strict as assert } from "node:assert";
import { facts } from "./fixtures.js";
import type { Journey } from "./journey-context.js";

export const admin = {
  first: "Grace",
  last: "Hopper",
  email: "grace@example.test",
  password: "Admin-Pass-2026",
};
export const user = {
  first: "Ada",
  last: "Lovelace",
  email: "ada@example.test",
  password: "Correct-Horse-42",
};
const processingTimeoutMs = 120_000;

/**
 * The journey, as a user does it: sign up → upload a PDF and a DOCX → see them reach
 * `processed` without reloading → open a document and see its chunks → ask a question → click a
 * citation and land on the highlighted passage → create an API key and call the gateway playground.
 */
export async function runJourney(
  journey: Journey,
  files: { pdf: string; docx: string },
  upstream: { answerNext(text: string): void },
): Promise<void> {
  const { page } = journey;

  await journey.step("first-run setup creates the admin, then signs out", async () => {
    await page.goto(`${journey.baseUrl}/`);
    await page.waitForURL(/\/setup/);
    await journey.checkPage("setup");
    await page.getByLabel("Instance name").fill("Glacier Research");
    await page.getByLabel("First name").fill(admin.first);
    await page.getByLabel("Last name").fill(admin.last);
    await page.getByLabel("Email").fill(admin.email);
    await page.getByLabel("Password").fill(admin.password);
    await page.getByTestId("setup-submit").click();
    await page.getByTestId("setup-provider-form").waitFor();
    await journey.checkPage("setup (provider step)");
    await page.getByTestId("setup-skip").click();
    await page.waitForURL(/\/s\/[^/]+\/knowledge/);
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await page.waitForURL(/\/sign-in/);
  });

  await journey.step("sign up", async () => {
    await journey.checkPage("sign in");
    await page.getByRole("link", { name: "Create an account" }).click();
    await page.waitForURL(/\/sign-up/);
    await journey.checkPage("sign up");
    await page.getByLabel("First name").fill(user.first);
    await page.getByLabel("Last name").fill(user.last);
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL(/\/s\/[^/]+\/knowledge/);
    await journey.checkPage("knowledge (empty)");
  });

  await journey.step("upload a PDF and a DOCX and watch them reach processed without reloading", async () => {
    // A marker in the page's memory survives client-side navigation but not a reload.
    await page.evaluate(() => Object.assign(window, { e2eSamePage: true }));
    await page.getByTestId("upload-input").setInputFiles([files.pdf, files.docx]);
    for (const name of ["aurora-glacier-survey.pdf", "heron-bay-plant.docx"]) {
      await page
        .getByTestId("document-row")
        .filter({ hasText: name })
        .filter({ hasText: /processed/i })
        .first()
        .waitFor({ timeout: processingTimeoutMs });
    }
    const samePage = await page.evaluate(() => "e2eSamePage" in window);
    assert.ok(samePage, "the page reloaded while waiting for processing");
    await journey.checkPage("knowledge (processed)");
  });

  await journey.step("open a document and see its chunks", async () => {
    await page
      .getByRole("link", { name: /aurora-glacier-survey\.pdf/ })
      .first()
      .click();
    await page.waitForURL(/\/documents\//);
    const chunks = page.getByTestId("chunk");
    await chunks.first().waitFor();
    assert.ok((await chunks.count()) >= 1, "the document page lists no chunks");
    await journey.checkPage("document");
  });

  await journey.step("ask a question and get a cited answer", async () => {
    await page.getByRole("link", { name: "Assistant" }).click();
    await page.waitForURL(/\/assistant/);
    await journey.checkPage("assistant (empty)");
    // The fake upstream answers the way the assistant asks models to: markers, then verbatim quotes.
    upstream.answerNext(facts.modelAnswer);
    await page.getByTestId("question-input").fill(facts.pdfQuestion);
    await page.getByRole("button", { name: "Ask", exact: true }).click();
    await page.getByTestId("citation-marker").first().waitFor({ timeout: 60_000 });
    const answer = (await page.getByTestId("answer").last().innerText()).toLowerCase();
    assert.ok(answer.includes("fourteen"), `the answer does not carry the fact: ${answer}`);
    await journey.checkPage("assistant (answered)");
  });

  await journey.step("click a citation and land on the highlighted passage", async () => {
    await page.getByTestId("citation-marker").first().click();
    await page.waitForURL(/\/documents\/.+(chunk|range)=/);
    const passage = page.getByTestId("highlighted-passage").first();
    await passage.waitFor();
    assert.ok(await passage.isVisible(), "the cited passage is not visible");
    assert.match((await passage.innerText()).toLowerCase(), /aurora/);
    await journey.checkPage("document (cited passage)");
  });

  const secret = await journey.step("create an API key and see its secret once", async () => {
    await page.getByRole("link", { name: "API keys" }).click();
    await page.waitForURL(/\/api-keys/);
    await journey.checkPage("api keys");
    await page.getByTestId("create-api-key").click();
    await page.getByLabel("Key name").fill("e2e playground");
    const invoke = page.getByRole("checkbox", { name: /gateway:invoke/ });
    if (!(await invoke.isChecked())) await invoke.check();
    await page.getByRole("button", { name: "Create key" }).click();
    const shown = page.getByTestId("api-key-secret");
    await shown.waitFor();
    const value = (await shown.innerText()).trim();
    assert.ok(value.length > 20, "no secret shown");
    await journey.checkPage("api keys (secret shown)");
    await page.getByRole("button", { name: "I have saved the key" }).click();
    return value;
  });

  await journey.step("call the gateway from the playground with that key", async () => {
    await page.getByRole("link", { name: "Playground" }).click();
    await page.waitForURL(/\/playground/);
    await journey.checkPage("playground");
    await page.getByLabel("Use API key (optional)").fill(secret);
    const picker = page.getByTestId("playground-model");
    await picker.locator("option", { hasText: "gpt-4o-mini" }).first().waitFor({ state: "attached" });
    const model = await picker.locator("option", { hasText: "gpt-4o-mini" }).first().getAttribute("value");
    await picker.selectOption(model ?? "gpt-4o-mini");
    await page.getByLabel("Message", { exact: true }).fill("Say hello to the survey team.");
    await page.getByRole("button", { name: "Send" }).click();
    const output = page.getByTestId("playground-output");
    await output.filter({ hasText: /\S/ }).waitFor({ timeout: 30_000 });
    const metadata = page.getByTestId("playground-metadata");
    await metadata.filter({ hasText: /overhead/i }).waitFor({ timeout: 30_000 });
    await journey.checkPage("playground (answered)");
  });
}

/** The other main pages, each visited for a screenshot and an accessibility check. */
export async function visitMainPages(journey: Journey): Promise<void> {
  const spaceId = journey.spaceIdFromUrl();
  await visit(journey, [
    ["search", `/s/${spaceId}/search?q=glacier`],
    ["usage", `/s/${spaceId}/usage`],
    ["budgets", `/s/${spaceId}/budgets`],
    ["vector datasets", `/s/${spaceId}/datasets`],
    ["space settings", `/s/${spaceId}/settings`],
    ["organization", `/s/${spaceId}/organization`],
    ["profile", `/s/${spaceId}/profile`],
    ["spaces", "/spaces"],
  ]);
}

/** The administration pages, as the admin that the setup created. */
export async function visitAdminPages(journey: Journey): Promise<void> {
  const { page } = journey;
  await journey.step("sign in as the admin", async () => {
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await page.waitForURL(/\/sign-in/);
    await page.getByLabel("Email").fill(admin.email);
    await page.getByLabel("Password").fill(admin.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/s\/[^/]+\/knowledge/);
  });
  const spaceId = journey.spaceIdFromUrl();
  await visit(journey, [
    ["providers and models", `/s/${spaceId}/admin/providers`],
    ["users", `/s/${spaceId}/admin/users`],
    ["tenants", `/s/${spaceId}/admin/tenants`],
  ]);
}

async function visit(journey: Journey, pages: ReadonlyArray<readonly [string, string]>): Promise<void> {
  for (const [name, path] of pages) {
    await journey.step(`visit ${name}`, async () => {
      await journey.page.goto(`${journey.baseUrl}${path}`);
      await journey.page.getByRole("heading", { level: 1 }).first().waitFor();
      await journey.checkPage(name);
    });
  }
}
