/** A text inside a request or response that a guardrail may read and replace. */
export interface TextSlot {
  readonly text: string;
  replace(text: string): void;
}

/** String content, or the `text` of each text part of a content array (both protocols). */
export function contentSlots(holder: Record<string, unknown>, key: string): TextSlot[] {
  const content = holder[key];
  if (typeof content === "string") {
    return [{ text: content, replace: (text) => (holder[key] = text) }];
  }
  if (!Array.isArray(content)) return [];
  const slots: TextSlot[] = [];
  for (const part of content) {
    if (!part || typeof part !== "object") continue;
    const p = part as Record<string, unknown>;
    if (typeof p.text === "string") slots.push({ text: p.text, replace: (text) => (p.text = text) });
    if (p.type === "tool_result") slots.push(...contentSlots(p, "content"));
  }
  return slots;
}

export function messagesOf(body: Record<string, unknown>): Array<Record<string, unknown>> {
  return Array.isArray(body.messages)
    ? body.messages.filter((m): m is Record<string, unknown> => !!m && typeof m === "object")
    : [];
}

export function hasImage(body: Record<string, unknown>): boolean {
  for (const message of messagesOf(body)) {
    if (!Array.isArray(message.content)) continue;
    for (const part of message.content) {
      const type = (part as { type?: unknown } | null)?.type;
      if (type === "image_url" || type === "image") return true;
    }
  }
  return false;
}
