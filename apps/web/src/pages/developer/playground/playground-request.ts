/** The playground's settings as typed. */
export interface PlaygroundSettings {
  /** A model name or alias; `auto` lets the router choose. */
  readonly model: string;
  readonly optimizeFor: "cost" | "performance" | "quality";
  readonly systemPrompt: string;
  readonly message: string;
  readonly temperature: string;
  readonly maxTokens: string;
  readonly allowFallback: boolean;
  /** When set, sent as the bearer instead of the session, to try a key exactly as an app would. */
  readonly apiKey: string;
}

export const defaultPlaygroundSettings: PlaygroundSettings = {
  model: "",
  optimizeFor: "cost",
  systemPrompt: "",
  message: "",
  temperature: "0.7",
  maxTokens: "512",
  allowFallback: true,
  apiKey: "",
};

export type PlaygroundField = "model" | "message" | "temperature" | "maxTokens";

export type PlaygroundRequest =
  | { readonly ok: true; readonly body: Record<string, unknown> }
  | { readonly ok: false; readonly errors: Partial<Record<PlaygroundField, string>> };

/** The body of `POST /v1/chat/completions`, streamed with usage, plus the router's extensions. */
export function buildChatRequest(settings: PlaygroundSettings): PlaygroundRequest {
  const errors: Partial<Record<PlaygroundField, string>> = {};
  if (!settings.model) errors.model = "Choose a model";
  if (!settings.message.trim()) errors.message = "Write a message to send";
  const temperature = settings.temperature.trim() === "" ? undefined : Number(settings.temperature);
  if (temperature !== undefined && !(Number.isFinite(temperature) && temperature >= 0 && temperature <= 2)) {
    errors.temperature = "A number from 0 to 2";
  }
  const maxTokens = settings.maxTokens.trim() === "" ? undefined : Number(settings.maxTokens);
  if (maxTokens !== undefined && !(Number.isInteger(maxTokens) && maxTokens >= 1)) {
    errors.maxTokens = "A whole number of at least 1";
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const messages = [
    ...(settings.systemPrompt.trim() ? [{ role: "system", content: settings.systemPrompt }] : []),
    { role: "user", content: settings.message },
  ];
  return {
    ok: true,
    body: {
      model: settings.model,
      messages,
      stream: true,
      stream_options: { include_usage: true },
      ...(temperature !== undefined ? { temperature } : {}),
      ...(maxTokens !== undefined ? { max_tokens: maxTokens } : {}),
      ...(settings.model === "auto" ? { optimize_for: settings.optimizeFor } : {}),
      ...(settings.allowFallback ? { fallback_config: { enabled: true } } : {}),
    },
  };
}
