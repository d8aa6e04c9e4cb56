// Private smoke of the knowledge area (not part of the repo; deleted after use).
import { strict as assert } from "node:assert";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { launchChromium } from "./browser.js";
import { writeFixtures } from "./fixtures.js";
import { Journey } from "./journey-context.js";
import { startServer } from "./start-server.js";

const dir = "/tmp/ksmoke";
const server = await startServer({}, dir);
const browser = await launchChromium();
const problems: string[] = [];
try {
  const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error" && !/status of 4\d\d/.test(message.text()))
      problems.push(`console: ${message.text()}`);
  });
  const j = new Journey(page, server.url, dir);
  const files = await writeFixtures(dir);
  const bad = join(dir, "program.exe");
  await writeFile(
    bad,
    Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0xff, 0xfe, 0x00, 0x01]),
  );

  await j.step("sign up", async () => {
    await page.goto(`${server.url}/sign-up`);
    await page.getByLabel("First name").fill("Ada");
    await page.getByLabel("Last name").fill("Lovelace");
    await page.getByLabel("Email").fill("ada@example.test");
    await page.getByLabel("Password").fill("Correct-Horse-42");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL(/\/s\/[^/]+\/knowledge\?notebook=/);
    await page.getByTestId("notebook-title").waitFor();
    await j.checkPage("knowledge empty");
  });

  await j.step("upload with a refused file", async () => {
    await page.getByTestId("upload-input").setInputFiles([files.pdf, files.docx, bad]);
    const badRow = page.getByTestId("upload-row").filter({ hasText: "program.exe" });
    await badRow.locator('[data-testid="upload-error"]').waitFor();
    console.info("   bad row:", (await badRow.innerText()).replace(/\n/g, " | "));
    for (const name of ["aurora-glacier-survey.pdf", "heron-bay-plant.docx"]) {
      await page
        .getByTestId("document-row")
        .filter({ hasText: name })
        .filter({ hasText: /processed/i })
        .first()
        .waitFor({ timeout: 120_000 });
      await page
        .locator('[data-testid="upload-row"][data-phase="processed"]')
        .filter({ hasText: name })
        .waitFor();
    }
    await j.checkPage("knowledge processed");
  });

  await j.step("notebooks: create, rename, move, drag, delete", async () => {
    await page.getByRole("button", { name: "New notebook" }).click();
    await page.getByRole("dialog").getByLabel("Notebook name").fill("Research");
    await page.getByRole("dialog").getByRole("button", { name: "Create notebook" }).click();
    await page.getByTestId("notebook-title").filter({ hasText: "Research" }).waitFor();
    await page.getByText("Upload your first document").waitFor();
    await j.checkPage("knowledge new notebook");
    await page.getByRole("button", { name: "New sub-notebook…" }).click();
    await page.getByRole("dialog").getByLabel("Notebook name").fill("Glaciers");
    await page.getByRole("dialog").getByRole("button", { name: "Create notebook" }).click();
    await page.getByTestId("notebook-title").filter({ hasText: "Glaciers" }).waitFor();
    await page
      .getByRole("navigation", { name: "Notebook path" })
      .getByRole("link", { name: "Research" })
      .waitFor();
    await page.getByRole("button", { name: "Rename…" }).click();
    await page.getByRole("dialog").getByLabel("Notebook name").fill("Ice");
    await page.getByRole("dialog").getByRole("button", { name: "Save name" }).click();
    await page.getByTestId("notebook-title").filter({ hasText: "Ice" }).waitFor();
    await page.getByRole("button", { name: "Move to…" }).click();
    await page.getByRole("dialog").getByLabel("Move to").selectOption({ label: "Top level" });
    await page.getByRole("dialog").getByRole("button", { name: "Move", exact: true }).click();
    await page.getByRole("dialog").waitFor({ state: "hidden" });
    await page.getByRole("navigation", { name: "Notebook path" }).waitFor({ state: "detached" });
    // Drag "Ice" onto "Research".
    const ice = page.locator('[data-testid="notebook-item"]').filter({ hasText: "Ice" });
    const research = page.locator('[data-testid="notebook-item"]').filter({ hasText: "Research" });
    await ice.dragTo(research);
    await page
      .getByRole("navigation", { name: "Notebook path" })
      .getByRole("link", { name: "Research" })
      .waitFor();
    await page.getByRole("button", { name: "Delete notebook…" }).click();
    await j.checkPage("delete dialog");
    await page.getByRole("dialog").getByRole("button", { name: "Delete notebook" }).click();
    await page.getByTestId("notebook-title").filter({ hasText: "Research" }).waitFor();
    assert.equal(await page.locator('[data-testid="notebook-item"]').filter({ hasText: "Ice" }).count(), 0);
  });

  await j.step("document page, chunk + range highlight", async () => {
    await page.getByRole("link", { name: "Research" }).first().waitFor();
    await page.locator('[data-testid="notebook-item"]').first().getByRole("link").click();
    await page
      .getByRole("link", { name: /aurora-glacier-survey\.pdf/ })
      .first()
      .click();
    await page.waitForURL(/\/documents\//);
    await page.getByTestId("chunk").first().waitFor();
    await j.checkPage("document");
    const url = new URL(page.url());
    const token = await j.accessToken();
    const spaceId = j.spaceIdFromUrl();
    const docId = url.pathname.split("/").at(-1) as string;
    const chunks = (await (
      await fetch(`${server.url}/api/v1/documents/${docId}/chunks`, {
        headers: { authorization: `Bearer ${token}`, "x-space-id": spaceId },
      })
    ).json()) as { data: Array<{ id: string; content: string; start_offset: number }> };
    const chunk = chunks.data.at(-1) as { id: string; content: string; start_offset: number };
    const at = chunk.content.indexOf("fourteen");
    const start = chunk.start_offset + Math.max(0, at);
    await page.goto(
      `${server.url}/s/${spaceId}/documents/${docId}?chunk=${chunk.id}&range=${start}-${start + 13}`,
    );
    const passage = page.getByTestId("highlighted-passage");
    await passage.waitFor();
    console.info("   range passage:", await passage.innerText(), "| chunks:", chunks.data.length);
    await page.goto(`${server.url}/s/${spaceId}/documents/${docId}?chunk=${chunk.id}`);
    await passage.waitFor();
    console.info("   chunk passage:", (await passage.innerText()).slice(0, 60));
    await j.checkPage("document cited");
  });

  await j.step("reprocess and delete", async () => {
    await page.getByTestId("reprocess-document").click();
    await page
      .getByTestId("document-processing")
      .waitFor()
      .catch(() => console.info("   (processing too fast to see)"));
    await page.getByText("Reprocessing finished").waitFor({ timeout: 120_000 });
    await page.getByTestId("delete-document").click();
    await page.getByTestId("confirm-delete-document").click();
    await page.waitForURL(/\/knowledge\?notebook=/);
    await page.getByTestId("document-row").first().waitFor();
    assert.equal(await page.getByTestId("document-row").filter({ hasText: "aurora" }).count(), 0);
  });

  for (const scheme of ["light", "dark"] as const) {
    await j.step(`360 px ${scheme}`, async () => {
      const small = await browser.newContext({
        baseURL: server.url,
        viewport: { width: 360, height: 740 },
        colorScheme: scheme,
        storageState: await context.storageState(),
      });
      const p = await small.newPage();
      p.on("pageerror", (error) => problems.push(`small page error: ${error.message}`));
      p.on("console", (m) => {
        if (m.type() === "error") problems.push(`small console: ${m.text()}`);
      });
      for (const path of [
        page.url(),
        `${server.url}/s/${j.spaceIdFromUrl()}/documents/${(await page.getByTestId("document-row").first().getAttribute("data-document-id")) ?? ""}`,
      ]) {
        await p.goto(path);
        console.info("   small goto", path);
        await p
          .getByRole("heading", { level: 1 })
          .first()
          .waitFor()
          .catch(async (e) => {
            await j.screenshot("small-fail", p);
            console.info(await p.content());
            throw e;
          });
        await p.waitForTimeout(1000);
        const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 1) problems.push(`${path} overflows by ${overflow}px at 360 (${scheme})`);
        await j.checkPage(`360 ${scheme} ${path.includes("documents") ? "doc" : "kn"}`, p);
      }
      await small.close();
    });
  }
  for (const f of j.findings)
    problems.push(`axe ${f.impact} ${f.page}: ${f.id} ${f.help} @ ${f.targets.join(", ")}`);
} catch (error) {
  console.error(error);
  problems.push(String(error));
} finally {
  await browser.close();
  await server.stop();
}
for (const p of problems) console.error("  ✗", p);
console.info(problems.length ? "SMOKE FAILED" : "SMOKE OK");
