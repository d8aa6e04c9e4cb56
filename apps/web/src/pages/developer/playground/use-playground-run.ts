import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError } from "../../../api/api-error";
import { api } from "../../../api/client";
import { readServerSentEvents } from "../../../api/sse";
import { type ChatStreamResult, readChatStream } from "./chat-stream";

export type RunPhase = "idle" | "waiting" | "streaming" | "done" | "stopped" | "failed";

/** One call's outcome: the text so far, what the gateway said about it, and the client's own timings. */
export interface PlaygroundRun {
  readonly phase: RunPhase;
  readonly text: string;
  readonly result: ChatStreamResult | null;
  readonly error: unknown;
  /** `x-tributary-overhead-ms`: the gateway's own time, provider excluded. */
  readonly overheadMs: number | null;
  readonly requestId: string | null;
  readonly firstTokenMs: number | null;
  readonly totalMs: number | null;
}

const idleRun: PlaygroundRun = {
  phase: "idle",
  text: "",
  result: null,
  error: null,
  overheadMs: null,
  requestId: null,
  firstTokenMs: null,
  totalMs: null,
};

/** Sends one streamed chat completion through the gateway; `stop` aborts it and keeps what arrived. */
export function usePlaygroundRun(spaceId: string) {
  const [run, setRun] = useState<PlaygroundRun>(idleRun);
  const controller = useRef<AbortController | null>(null);

  // Leaving the page ends the call: nobody would see the rest, and the provider stops billing.
  useEffect(() => () => controller.current?.abort(), []);

  const send = useCallback(
    async (body: Record<string, unknown>, apiKey: string) => {
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      const startedAt = performance.now();
      let firstTokenMs: number | null = null;
      setRun({ ...idleRun, phase: "waiting" });
      try {
        const key = apiKey.trim();
        const response = await api.send("POST", "/v1/chat/completions", {
          body,
          space: spaceId,
          signal: abort.signal,
          headers: { accept: "text/event-stream", ...(key ? { authorization: `Bearer ${key}` } : {}) },
          // With a key, the session's token must not be sent (nor refreshed on a 401: the key is wrong).
          ...(key ? { anonymous: true } : {}),
        });
        const overhead = Number.parseFloat(response.headers.get("x-tributary-overhead-ms") ?? "");
        const requestId = response.headers.get("x-request-id");
        setRun((current) => ({
          ...current,
          phase: "streaming",
          overheadMs: Number.isFinite(overhead) ? overhead : null,
          requestId,
        }));
        const result = await readChatStream(readServerSentEvents(response), (text) => {
          firstTokenMs ??= performance.now() - startedAt;
          setRun((current) => ({ ...current, text, firstTokenMs }));
        });
        setRun((current) => ({
          ...current,
          phase: result.completed ? "done" : "stopped",
          text: result.text,
          result,
          totalMs: performance.now() - startedAt,
        }));
      } catch (error) {
        const stopped = abort.signal.aborted;
        setRun((current) => ({
          ...current,
          phase: stopped ? "stopped" : "failed",
          error: stopped ? null : apiKey.trim() ? asKeyError(error) : error,
          totalMs: performance.now() - startedAt,
        }));
      } finally {
        if (controller.current === abort) controller.current = null;
      }
    },
    [spaceId],
  );

  const stop = useCallback(() => controller.current?.abort(), []);
  const running = run.phase === "waiting" || run.phase === "streaming";
  return { run, running, send, stop };
}

/** A 401 for a pasted key is about the key, not the session: "sign in again" would mislead. */
class KeyRefusedError extends ApiError {
  override get hint(): string {
    return "Check the API key: it may be mistyped, revoked or expired. Clear the field to call with your session.";
  }
}

function asKeyError(error: unknown): unknown {
  if (!(error instanceof ApiError) || error.status !== 401) return error;
  return new KeyRefusedError(error.status, error.code, error.message, error.details, error.requestId);
}
