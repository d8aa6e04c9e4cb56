import type { SseEvent } from "./inbound-protocol.js";

/**
 * Reads an upstream stream's events: parses each event's JSON once (the pipeline asks whether it
 * is the first output, then pushes the same event) and tells when generated output has begun.
 */
export class UpstreamEventReader {
  private lastData: string | null = null;
  private lastParsed: Record<string, unknown> | null = null;

  constructor(private readonly protocol: "openai" | "anthropic") {}

  parse(data: string): Record<string, unknown> | null {
    if (data === this.lastData) return this.lastParsed;
    this.lastData = data;
    try {
      const parsed = JSON.parse(data) as unknown;
      this.lastParsed = parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : null;
    } catch {
      this.lastParsed = null;
    }
    return this.lastParsed;
  }

  /** True once the event carries output: after it, a fallback to another provider is no longer possible. */
  isFirstOutput(event: SseEvent): boolean {
    if (event.data === "[DONE]") return true;
    const parsed = this.parse(event.data);
    if (!parsed) return false;
    if (this.protocol === "anthropic") {
      const type = parsed.type;
      return (
        type === "content_block_delta" ||
        type === "message_delta" ||
        type === "message_stop" ||
        type === "error"
      );
    }
    if ("error" in parsed) return true;
    const choices = parsed.choices as
      | Array<{ delta?: Record<string, unknown>; finish_reason?: unknown }>
      | undefined;
    const choice = choices?.[0];
    if (!choice) return parsed.usage !== undefined && parsed.usage !== null;
    const delta = choice.delta ?? {};
    return (
      (typeof delta.content === "string" && delta.content.length > 0) ||
      Array.isArray(delta.tool_calls) ||
      (typeof delta.refusal === "string" && delta.refusal.length > 0) ||
      (choice.finish_reason !== null && choice.finish_reason !== undefined)
    );
  }
}
