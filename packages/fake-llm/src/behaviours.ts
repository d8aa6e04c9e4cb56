import type {
  Behaviour,
  DropBehaviour,
  ErrorBehaviour,
  ReplyBehaviour,
  StallBehaviour,
  ToolCallSpec,
  UsageOverride,
} from "./types.js";

export interface ReplyOptions {
  usage?: UsageOverride;
  omitUsage?: boolean;
  delayMs?: number;
}

/** Text derived deterministically from the prompt (the default behaviour). */
export function echo(options: ReplyOptions = {}): ReplyBehaviour {
  return { kind: "reply", ...options };
}

export function replyText(text: string, options: ReplyOptions = {}): ReplyBehaviour {
  return { kind: "reply", text, ...options };
}

export function replyToolCalls(toolCalls: ToolCallSpec[], options: ReplyOptions = {}): ReplyBehaviour {
  return { kind: "reply", toolCalls, ...options };
}

export function error(
  status: number,
  options: { retryAfterSeconds?: number; type?: string; message?: string; delayMs?: number } = {},
): ErrorBehaviour {
  return { kind: "error", status, ...options };
}

export function stall(options: { afterChunks?: number; delayMs?: number } = {}): StallBehaviour {
  return { kind: "stall", afterChunks: options.afterChunks ?? 0, ...withDelay(options.delayMs) };
}

export function dropConnection(options: { afterChunks?: number; delayMs?: number } = {}): DropBehaviour {
  return { kind: "drop", afterChunks: options.afterChunks ?? 0, ...withDelay(options.delayMs) };
}

/** Waits `ms` before answering with `then` (an echo reply by default). */
export function delay(ms: number, then: Behaviour = echo()): Behaviour {
  return { ...then, delayMs: (then.delayMs ?? 0) + ms };
}

function withDelay(delayMs: number | undefined): { delayMs?: number } {
  return delayMs === undefined ? {} : { delayMs };
}

/** The queue of scripted behaviours; each request takes the next one, or the default. */
export class BehaviourScript {
  private queue: Behaviour[] = [];
  private fallback: Behaviour = echo();

  enqueue(behaviours: Behaviour[]): void {
    this.queue.push(...behaviours);
  }

  setDefault(behaviour: Behaviour): void {
    this.fallback = behaviour;
  }

  next(): Behaviour {
    return this.queue.shift() ?? this.fallback;
  }

  reset(): void {
    this.queue = [];
    this.fallback = echo();
  }
}
