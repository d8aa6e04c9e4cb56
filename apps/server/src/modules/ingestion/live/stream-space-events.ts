import type { FastifyReply } from "fastify";
import type { SpaceContext } from "../../../platform/auth/index.js";
import type { IngestionDeps } from "../ingestion-deps.js";
import type { LiveUpdate } from "./live-updates.js";

const heartbeatMs = 15_000;
const catchUpMs = 2_000;

/**
 * `GET /api/v1/events/stream`: server-sent events of the space's document status changes and
 * session progress. Changes on this node arrive at once; a periodic catch-up query picks up
 * changes made by workers on other nodes, so a client never has to poll.
 */
export async function streamSpaceEvents(
  deps: IngestionDeps,
  space: SpaceContext,
  reply: FastifyReply,
): Promise<void> {
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache",
    connection: "keep-alive",
    "x-accel-buffering": "no",
    "x-request-id": reply.request.id,
  });
  raw.write(`retry: 3000\n\n`);
  const send = (update: LiveUpdate) => {
    raw.write(`event: ${update.type}\ndata: ${JSON.stringify(update.data)}\n\n`);
  };
  const seen = new Map<string, string>();
  const remember = (update: LiveUpdate) => {
    const id = String(update.data.document_id ?? update.data.session_id ?? "");
    seen.set(`${update.type}:${id}`, String(update.data.status ?? ""));
  };
  const unsubscribe = deps.live.subscribe(space.spaceId, (update) => {
    remember(update);
    send(update);
  });
  let since = new Date();
  const catchUp = setInterval(async () => {
    try {
      const from = since;
      since = new Date();
      const rows = await deps.sql.withTenant(space.tenantId, (tx) =>
        tx.query<{
          id: string;
          notebook_id: string;
          status: string;
          chunk_count: number;
          error: string | null;
        }>(
          `SELECT id, notebook_id, status, chunk_count, error FROM documents
           WHERE space_id = $1 AND updated_at >= $2 ORDER BY updated_at LIMIT 500`,
          [space.spaceId, new Date(from.getTime() - catchUpMs)],
        ),
      );
      for (const row of rows) {
        if (seen.get(`document.status:${row.id}`) === row.status) continue;
        const update: LiveUpdate = {
          type: "document.status",
          tenantId: space.tenantId,
          spaceId: space.spaceId,
          data: {
            document_id: row.id,
            notebook_id: row.notebook_id,
            status: row.status,
            chunk_count: row.chunk_count,
            error: row.error,
          },
        };
        remember(update);
        send(update);
      }
    } catch {
      // The next round tries again; the stream itself stays open.
    }
  }, catchUpMs);
  const heartbeat = setInterval(() => raw.write(": keep-alive\n\n"), heartbeatMs);
  await new Promise<void>((resolve) => {
    raw.on("close", () => {
      clearInterval(catchUp);
      clearInterval(heartbeat);
      unsubscribe();
      resolve();
    });
  });
}
