import type { DocumentStatus } from "@tributary/contracts";
import { useEffect, useRef, useSyncExternalStore } from "react";
import { ApiError } from "./api-error";
import { api } from "./client";
import { readServerSentEvents } from "./sse";

/** `document.status`: a document of the space changed status (see ingestion's live updates). */
export interface DocumentStatusEvent {
  readonly type: "document.status";
  readonly data: {
    readonly document_id: string;
    readonly notebook_id?: string;
    readonly status: DocumentStatus;
    readonly chunk_count?: number;
    /** Why processing failed, on `failed`. */
    readonly error?: string | null;
    readonly duplicate_of?: string | null;
  };
}

/** The steps of processing, in order (ingestion's `processingSteps`). */
export type ProcessingStep = "extracting" | "indexing" | "storing";

/** `document.progress`: a processing document reached a step (on the node that processes it). */
export interface DocumentProgressEvent {
  readonly type: "document.progress";
  readonly data: {
    readonly document_id: string;
    readonly notebook_id?: string;
    readonly step: ProcessingStep;
    /** 1-based position of `step`, of `steps`. */
    readonly step_number: number;
    readonly steps: number;
    /** Once the chunks are known (indexing, storing). */
    readonly chunk_count?: number;
  };
}

/** `session.progress`: a batch processing session advanced. */
export interface SessionProgressEvent {
  readonly type: "session.progress";
  readonly data: Readonly<Record<string, unknown>>;
}

/**
 * `connected`: the stream (re)opened. After a reconnect, events sent while it was down are lost,
 * so listeners re-read whatever they track.
 */
export interface ConnectedEvent {
  readonly type: "connected";
  readonly reconnected: boolean;
}

export type SpaceEvent = DocumentStatusEvent | DocumentProgressEvent | SessionProgressEvent | ConnectedEvent;
export type SpaceEventListener = (event: SpaceEvent) => void;

export type EventStreamState = "connecting" | "open" | "reconnecting" | "closed";
export interface EventStreamStatus {
  readonly state: EventStreamState;
  /** Why the last attempt failed (kept while reconnecting, and when the stream gave up). */
  readonly error: unknown;
}

/** Opens the space's stream; the response must be a text/event-stream. */
export type OpenEventStream = (spaceId: string, signal: AbortSignal) => Promise<Response>;

const openWithApi: OpenEventStream = (spaceId, signal) =>
  api.send("GET", "/api/v1/events/stream", {
    space: spaceId,
    signal,
    headers: { accept: "text/event-stream" },
  });

const firstRetryMs = 1_000;
const maxRetryMs = 30_000;
/** Keeps the connection a moment after its last listener leaves, so moving between pages reuses it. */
const lingerMs = 2_000;

/** Exponential backoff with ±20 % jitter, so many tabs do not reconnect in lockstep after a restart. */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(maxRetryMs, firstRetryMs * 2 ** attempt);
  return Math.round(base * (0.8 + random() * 0.4));
}

/** Statuses that retrying cannot change: the user must sign in again or lost access to the space. */
function isPermanent(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 401 || error.status === 403 || error.status === 404);
}

function parseEvent(event: string, data: string): SpaceEvent | null {
  if (event !== "document.status" && event !== "document.progress" && event !== "session.progress")
    return null;
  try {
    const parsed = JSON.parse(data) as unknown;
    if (!parsed || typeof parsed !== "object") return null;
    if (event === "document.status") {
      const payload = parsed as DocumentStatusEvent["data"];
      if (typeof payload.document_id !== "string" || typeof payload.status !== "string") return null;
      return { type: event, data: payload };
    }
    if (event === "document.progress") {
      const payload = parsed as DocumentProgressEvent["data"];
      if (
        typeof payload.document_id !== "string" ||
        typeof payload.step_number !== "number" ||
        typeof payload.steps !== "number"
      )
        return null;
      return { type: event, data: payload };
    }
    return { type: event, data: parsed as Record<string, unknown> };
  } catch {
    return null;
  }
}

/**
 * One space's event stream, shared by every listener of the tab: opened on the first subscriber,
 * reconnected with backoff when it drops, closed shortly after the last one leaves.
 */
export class SpaceEventStream {
  private readonly listeners = new Set<SpaceEventListener>();
  private readonly statusListeners = new Set<() => void>();
  private status: EventStreamStatus = { state: "closed", error: null };
  private controller: AbortController | null = null;
  private lingerTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly spaceId: string,
    private readonly open: OpenEventStream = openWithApi,
    private readonly random: () => number = Math.random,
  ) {}

  subscribe(listener: SpaceEventListener): () => void {
    this.listeners.add(listener);
    if (this.lingerTimer) {
      clearTimeout(this.lingerTimer);
      this.lingerTimer = null;
    }
    if (!this.controller) this.start();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0 && !this.lingerTimer) {
        this.lingerTimer = setTimeout(() => {
          this.lingerTimer = null;
          if (this.listeners.size === 0) this.stop();
        }, lingerMs);
      }
    };
  }

  getStatus = (): EventStreamStatus => this.status;

  subscribeStatus = (listener: () => void): (() => void) => {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  };

  stop(): void {
    this.controller?.abort();
    this.controller = null;
    this.setStatus({ state: "closed", error: null });
  }

  private start(): void {
    const controller = new AbortController();
    this.controller = controller;
    void this.run(controller.signal);
  }

  private async run(signal: AbortSignal): Promise<void> {
    let attempt = 0;
    let connectedBefore = false;
    while (!signal.aborted) {
      this.setStatus({ state: connectedBefore ? "reconnecting" : "connecting", error: this.status.error });
      try {
        const response = await this.open(this.spaceId, signal);
        attempt = 0;
        this.setStatus({ state: "open", error: null });
        this.dispatch({ type: "connected", reconnected: connectedBefore });
        connectedBefore = true;
        for await (const message of readServerSentEvents(response)) {
          const event = parseEvent(message.event, message.data);
          if (event) this.dispatch(event);
        }
        // The server closed the stream (a restart, a proxy timeout): reconnect like after an error.
      } catch (error) {
        if (signal.aborted) return;
        if (isPermanent(error)) {
          // Let a later subscriber (after signing in again) start afresh.
          if (this.controller?.signal === signal) this.controller = null;
          this.setStatus({ state: "closed", error });
          return;
        }
        this.setStatus({ state: "reconnecting", error });
      }
      if (signal.aborted) return;
      if (this.status.state === "open") this.setStatus({ state: "reconnecting", error: null });
      await sleep(retryDelayMs(attempt, this.random), signal);
      attempt += 1;
    }
  }

  private dispatch(event: SpaceEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        // One failing listener must not starve the others of events.
        console.error(error);
      }
    }
  }

  private setStatus(status: EventStreamStatus): void {
    if (status.state === this.status.state && status.error === this.status.error) return;
    this.status = status;
    for (const listener of [...this.statusListeners]) listener();
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
  });
}

const streams = new Map<string, SpaceEventStream>();

/** The tab's shared stream of a space. */
export function spaceEventStream(spaceId: string): SpaceEventStream {
  let stream = streams.get(spaceId);
  if (!stream) {
    stream = new SpaceEventStream(spaceId);
    streams.set(spaceId, stream);
  }
  return stream;
}

/** Subscribes outside React (or to pass to components as a prop); returns the unsubscribe. */
export function subscribeToSpaceEvents(spaceId: string, listener: SpaceEventListener): () => void {
  return spaceEventStream(spaceId).subscribe(listener);
}

/**
 * Calls `listener` with every live event of the space (document status changes, session progress,
 * and `connected` after each (re)connect) and returns the connection's status. The latest
 * `listener` is always used, so it need not be memoized.
 */
export function useEventStream(spaceId: string, listener: SpaceEventListener): EventStreamStatus {
  const latest = useRef(listener);
  latest.current = listener;
  const stream = spaceEventStream(spaceId);
  useEffect(() => stream.subscribe((event) => latest.current(event)), [stream]);
  return useSyncExternalStore(stream.subscribeStatus, stream.getStatus, stream.getStatus);
}
