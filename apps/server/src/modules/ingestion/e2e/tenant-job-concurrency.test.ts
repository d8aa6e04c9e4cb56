import { adminTenantSchema } from "@tributary/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { processingQueue } from "../ingestion-deps.js";
import { type IngestionClient, type IngestionE2e, startIngestionE2e } from "../testing/ingestion-e2e.js";
import { scriptedProcessingPool } from "../testing/scripted-pool.js";

// Every job waits 300 ms for the pool's one worker, so claimed jobs pile up as `running`.
const scripted = scriptedProcessingPool({ delayMs: 300 });
let e2e: IngestionE2e;
let admin: IngestionClient;

beforeAll(async () => {
  e2e = await startIngestionE2e({
    ingestionPool: scripted.pool,
    // This process runs up to 8 processing jobs; a tenant without a quota up to 3 of them.
    env: { INGESTION_MAX_CONCURRENT_JOBS: "8", JOBS_TENANT_CONCURRENCY: "3", JOBS_POLL_INTERVAL_MS: "50" },
  });
  // The first account of a fresh database is the platform admin.
  admin = await e2e.newClient("admin");
}, 120_000);

afterAll(async () => {
  await e2e?.close();
  await scripted.pool.close();
});

async function changeTenant(tenantId: string, change: Record<string, unknown>) {
  const res = await fetch(`${e2e.origin}/api/v1/admin/tenants/${tenantId}`, {
    method: "PATCH",
    headers: { authorization: admin.headers.authorization, "content-type": "application/json" },
    body: JSON.stringify(change),
  });
  expect(res.status).toBe(200);
  return adminTenantSchema.parse(await res.json());
}

/** Samples the processing jobs running per tenant until `work` settles; the peak of each tenant. */
async function peakRunningWhile(work: Promise<unknown>): Promise<Map<string, number>> {
  const peak = new Map<string, number>();
  let done = false;
  const finished = work.finally(() => {
    done = true;
  });
  while (!done) {
    const rows = await e2e.instance.resources.sql.withSystem((tx) =>
      tx.query<{ tenant_id: string; running: number }>(
        `SELECT tenant_id, count(*)::int AS running FROM jobs
         WHERE queue = $1 AND status = 'running' GROUP BY tenant_id`,
        [processingQueue],
      ),
    );
    for (const row of rows) peak.set(row.tenant_id, Math.max(peak.get(row.tenant_id) ?? 0, row.running));
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await finished;
  return peak;
}

async function uploadAndSettle(client: IngestionClient, count: number) {
  const uploaded = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      client.uploadDocument(
        `Report ${i + 1} of tenant ${client.tenantId}: the quarter went well.`,
        `r${i}.txt`,
      ),
    ),
  );
  return Promise.all(uploaded.map((document) => client.settled(document.id)));
}

describe("per-tenant processing concurrency", { timeout: 90_000 }, () => {
  it("holds a tenant with max_concurrent_jobs=1 to one job at a time while others run several", async () => {
    const limited = await e2e.newClient("limited");
    const regular = await e2e.newClient("regular");
    // Enterprise stores 0 for every quota ("no plan limit"): the platform defaults apply, and
    // its uploads are not refused for a maximum file size of 0.
    const enterprise = await e2e.newClient("enterprise");
    expect(
      (await changeTenant(limited.tenantId, { quotas: { max_concurrent_jobs: 1 } })).quotas,
    ).toMatchObject({
      max_concurrent_jobs: 1,
    });
    expect((await changeTenant(enterprise.tenantId, { plan: "enterprise" })).quotas).toMatchObject({
      max_concurrent_jobs: 0,
      max_file_size: 0,
    });

    const settled = Promise.all([
      uploadAndSettle(limited, 5),
      uploadAndSettle(regular, 5),
      uploadAndSettle(enterprise, 5),
    ]);
    const peak = await peakRunningWhile(settled);
    for (const documents of await settled) {
      for (const document of documents) expect(document.status).toBe("processed");
    }
    expect(peak.get(limited.tenantId)).toBe(1);
    // The default (JOBS_TENANT_CONCURRENCY=3) for the others: more than one at once, never more than 3.
    for (const other of [regular, enterprise]) {
      expect(peak.get(other.tenantId)).toBeGreaterThanOrEqual(2);
      expect(peak.get(other.tenantId)).toBeLessThanOrEqual(3);
    }
  });
});
