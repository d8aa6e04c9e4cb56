import { EventEmitter } from "node:events";

/**
 * A change a live stream (SSE) reports: a document's status, a processing document's step, or a
 * processing session's progress.
 */
export interface LiveUpdate {
  readonly type: "document.status" | "document.progress" | "session.progress";
  readonly tenantId: string;
  readonly spaceId: string;
  readonly data: Record<string, unknown>;
}

/**
 * In-process fan-out of status changes to open event streams. Changes made on other nodes reach
 * a stream through its periodic database catch-up (see `streamSpaceEvents`), so no node misses them.
 */
export class LiveUpdates {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  publish(update: LiveUpdate): void {
    this.emitter.emit(update.spaceId, update);
  }

  subscribe(spaceId: string, listener: (update: LiveUpdate) => void): () => void {
    this.emitter.on(spaceId, listener);
    return () => this.emitter.off(spaceId, listener);
  }
}
