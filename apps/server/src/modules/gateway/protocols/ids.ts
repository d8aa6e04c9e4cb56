/**
 * Ids of translated answers, derived from the upstream's so one answer keeps one id in logs on
 * both sides of the gateway.
 */

export function openAiCompletionId(anthropicMessageId: string): string {
  return `chatcmpl-${anthropicMessageId}`;
}

export function anthropicMessageId(openAiCompletionId: string): string {
  return `msg_${openAiCompletionId}`;
}

/** Anthropic tool ids allow letters, digits, `_` and `-` only. */
export function anthropicToolUseId(messageId: string, toolIndex: number): string {
  return `toolu_${messageId.replace(/[^a-zA-Z0-9_-]/g, "_")}_${toolIndex}`;
}
