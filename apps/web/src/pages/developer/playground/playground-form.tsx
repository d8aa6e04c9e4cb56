import type { FormEvent } from "react";
import { Button } from "../../../ui/button";
import { ErrorMessage } from "../../../ui/feedback";
import { InputField, SelectField, TextAreaField } from "../../../ui/field";
import type { PlaygroundField, PlaygroundSettings } from "./playground-request";

export interface PlaygroundFormProps {
  readonly settings: PlaygroundSettings;
  readonly onChange: (settings: PlaygroundSettings) => void;
  readonly errors: Partial<Record<PlaygroundField, string>>;
  readonly models: readonly { id: string; owned_by: string }[] | undefined;
  readonly modelsLoading: boolean;
  readonly modelsError: unknown;
  readonly running: boolean;
  readonly onSend: () => void;
  readonly onStop: () => void;
}

/** The call to make: model, prompts, sampling, and optionally the API key to make it with. */
export function PlaygroundForm({
  settings,
  onChange,
  errors,
  models,
  modelsLoading,
  modelsError,
  running,
  onSend,
  onStop,
}: PlaygroundFormProps) {
  const set = <K extends keyof PlaygroundSettings>(field: K, value: PlaygroundSettings[K]) =>
    onChange({ ...settings, [field]: value });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!running) onSend();
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <SelectField
        label="Model"
        data-testid="playground-model"
        value={settings.model}
        onChange={(event) => set("model", event.target.value)}
        error={errors.model}
        disabled={modelsLoading}
        hint={modelsLoading ? "Loading the models you may use…" : undefined}
      >
        <option value="">Choose a model…</option>
        <option value="auto">auto: let the router choose</option>
        {models?.map((model) => (
          <option key={model.id} value={model.id}>
            {model.id} ({model.owned_by})
          </option>
        ))}
      </SelectField>
      {modelsError ? <ErrorMessage error={modelsError} title="The model list could not be loaded" /> : null}
      {settings.model === "auto" && (
        <SelectField
          label="Optimize for"
          value={settings.optimizeFor}
          onChange={(event) => set("optimizeFor", event.target.value as PlaygroundSettings["optimizeFor"])}
        >
          <option value="cost">Lowest cost</option>
          <option value="performance">Fastest</option>
          <option value="quality">Best quality</option>
        </SelectField>
      )}
      <TextAreaField
        label="System prompt (optional)"
        rows={2}
        value={settings.systemPrompt}
        onChange={(event) => set("systemPrompt", event.target.value)}
      />
      <TextAreaField
        label="Message"
        data-testid="playground-message"
        rows={5}
        value={settings.message}
        onChange={(event) => set("message", event.target.value)}
        onKeyDown={(event) => {
          // Ctrl/⌘+Enter sends, as in most chat tools; Enter alone keeps typing new lines.
          if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && !running) {
            event.preventDefault();
            onSend();
          }
        }}
        error={errors.message}
        hint="Ctrl+Enter (⌘+Enter) sends."
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <InputField
          label="Temperature"
          type="number"
          min={0}
          max={2}
          step={0.1}
          value={settings.temperature}
          onChange={(event) => set("temperature", event.target.value)}
          error={errors.temperature}
        />
        <InputField
          label="Max tokens"
          type="number"
          min={1}
          step={1}
          value={settings.maxTokens}
          onChange={(event) => set("maxTokens", event.target.value)}
          error={errors.maxTokens}
        />
      </div>
      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          className="mt-1 size-4"
          checked={settings.allowFallback}
          onChange={(event) => set("allowFallback", event.target.checked)}
        />
        <span>
          Fall back to another provider if this one fails
          <span className="block text-xs text-slate-600 dark:text-slate-300">
            Sends <code>fallback_config: {"{enabled: true}"}</code>.
          </span>
        </span>
      </label>
      <InputField
        label="Use API key (optional)"
        type="password"
        autoComplete="off"
        spellCheck={false}
        value={settings.apiKey}
        onChange={(event) => set("apiKey", event.target.value)}
        hint="Paste a key to call with it instead of your session, with its scopes, limits and budgets. It stays in this page only."
      />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" busy={running} disabled={running} data-testid="playground-send">
          {running ? "Sending…" : "Send"}
        </Button>
        {running && (
          <Button variant="secondary" onClick={onStop} data-testid="playground-stop">
            Stop
          </Button>
        )}
      </div>
    </form>
  );
}
