// `npm run test:e2e`: the web app in Debian's Chromium against a freshly started server, with a fake
// upstream LLM speaking the OpenAI protocol. Screenshots and the server log go to E2E_ARTIFACTS_DIR
// (default apps/web/e2e-artifacts); any failed step or serious/critical axe finding fails the run.
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { replyText, startFakeLlm } from "@tributary/fake-llm";
import { startTestIdp } from "../../server/src/testing/oidc-idp.js";
import { launchChromium } from "./browser.js";
import { writeFixtures } from "./fixtures.js";
import { inviteIntoSharedSpace } from "./invitation.js";
import { runJourney, user, visitAdminPages, visitMainPages } from "./journey.js";
import { Journey } from "./journey-context.js";
import { checkLayouts } from "./layouts.js";
import { signInWithSso, ssoPerson } from "./sso.js";
import { freePort, startServer } from "./start-server.js";

const artifactsDir = process.env.E2E_ARTIFACTS_DIR ?? new URL("../e2e-artifacts/", import.meta.url).pathname;
await rm(artifactsDir, { recursive: true, force: true });
await mkdir(artifactsDir, { recursive: true });

const fake = await startFakeLlm();
// Single sign-on against a certified OpenID provider (oidc-provider) on loopback.
const port = await freePort();
const serverUrl = `http://127.0.0.1:${port}`;
const idp = await startTestIdp({
  redirectUris: [`${serverUrl}/api/v1/auth/oidc/test-idp/callback`],
  browserAccountId: ssoPerson.sub,
});
idp.addAccount(ssoPerson);
const oidc = {
  name: "test-idp",
  display_name: "Test IdP",
  issuer: idp.issuer,
  client_id: idp.clientId,
  client_secret: idp.clientSecret,
};
const provider = {
  name: "fake-openai",
  type: "openai_compatible",
  base_url: `${fake.url}/v1`,
  api_key: "e2e",
  models: ["gpt-4o-mini"],
};
// Access tokens live 35 s and the client refreshes 30 s before expiry, so tokens are refreshed all
// through the journey: the app must do it without losing the page.
const server = await startServer(
  {
    TRIBUTARY_PROVIDERS: JSON.stringify([provider]),
    OIDC_PROVIDERS: JSON.stringify([oidc]),
    TRIBUTARY_PUBLIC_URL: serverUrl,
    ACCESS_TOKEN_TTL_SECONDS: "35",
  },
  artifactsDir,
  port,
);
let refreshes = 0;
const browser = await launchChromium();
const problems: string[] = [];
let failure: unknown = null;
try {
  const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on("request", (request) => {
    if (request.url().endsWith("/api/v1/auth/refresh")) refreshes += 1;
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error" && !/status of 4\d\d/.test(message.text()))
      problems.push(`console error: ${message.text()}`);
  });
  const journey = new Journey(page, server.url, artifactsDir);
  console.info(`e2e against ${server.url} (artifacts: ${artifactsDir})`);
  await runJourney(journey, await writeFixtures(artifactsDir), {
    answerNext: (text) => fake.enqueue(replyText(text)),
  });
  await visitMainPages(journey);
  await visitAdminPages(journey);
  await inviteIntoSharedSpace(journey, user);
  await signInWithSso(journey, ssoPerson);
  await checkLayouts(journey, browser);
  console.info(`session: ${refreshes} token refreshes during the journey, never sent back to sign in`);
  if (refreshes === 0)
    problems.push("the access token was never refreshed: the session-refresh path went untested");
  await writeFile(join(artifactsDir, "axe-findings.json"), JSON.stringify(journey.findings, null, 2));
  console.info(
    `accessibility: ${journey.visited.length} pages checked, ${journey.findings.length} serious/critical findings`,
  );
  for (const finding of journey.findings) {
    problems.push(
      `axe ${finding.impact} on "${finding.page}": ${finding.id} (${finding.help}) at ${finding.targets.join(", ")}`,
    );
  }
} catch (error) {
  failure = error;
} finally {
  await browser.close();
  await server.stop();
  await fake.close();
  await idp.close();
}
for (const problem of problems) console.error(`  ✗ ${problem}`);
if (failure) {
  console.error(failure);
  // CI keeps only what is printed: the server's last words (4xx reasons at info) say why a step failed.
  const log = await readFile(server.logPath, "utf8").catch(() => "");
  const tail = log.trimEnd().split("\n").slice(-40);
  console.error(`server log (${server.logPath}), last ${tail.length} lines:`);
  for (const line of tail) console.error(`  ${line.slice(0, 400)}`);
}
if (failure || problems.length > 0) process.exit(1);
console.info("e2e: passed");
