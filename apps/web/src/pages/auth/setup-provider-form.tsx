import type {
  CreateGatewayProviderRequest,
  GatewayModel,
  GatewayProvider,
  GatewayProviderType,
} from "@tributary/contracts";
import { type FormEvent, useState } from "react";
import { ApiError } from "../../api/api-error";
import { api } from "../../api/client";
import { Button } from "../../ui/button";
import { ErrorMessage } from "../../ui/feedback";
import { InputField, SelectField } from "../../ui/field";

interface ProviderChoice {
  readonly label: string;
  readonly name: string;
  readonly modelExample: string;
  readonly needsUrl: boolean;
}

/** The provider types setup offers; local models (GGUF files) are configured under Administration. */
const choices: Record<Exclude<GatewayProviderType, "local">, ProviderChoice> = {
  openai: { label: "OpenAI", name: "openai", modelExample: "gpt-4o-mini", needsUrl: false },
  anthropic: { label: "Anthropic", name: "anthropic", modelExample: "claude-3-5-haiku", needsUrl: false },
  openai_compatible: {
    label: "OpenAI-compatible server (vLLM, Ollama, Azure…)",
    name: "my-server",
    modelExample: "llama3.1",
    needsUrl: true,
  },
};
type ChoiceType = keyof typeof choices;

/**
 * Step 2 (optional): a model provider for the assistant and the gateway, and optionally its first
 * model. Each part is saved once: if adding the model fails, a retry does not add the provider again.
 */
export function SetupProviderForm({ onDone }: { onDone: () => void }) {
  const [type, setType] = useState<ChoiceType>("openai");
  const [form, setForm] = useState({ name: "openai", base_url: "", api_key: "", model: "" });
  const [providerSaved, setProviderSaved] = useState<string | null>(null);
  const [progress, setProgress] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [urlMissing, setUrlMissing] = useState(false);
  const fieldErrors = error instanceof ApiError ? error.fieldErrors : {};
  const choice = choices[type];
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm((current) => ({ ...current, [key]: event.target.value }));

  function chooseType(next: ChoiceType) {
    setType(next);
    // Keep a name the user typed; replace only the previous type's suggestion.
    setForm((current) => (current.name === choice.name ? { ...current, name: choices[next].name } : current));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    // Caught here rather than by the server, so the message can sit on the field itself.
    const missing = !providerSaved && choice.needsUrl && !form.base_url.trim();
    setUrlMissing(missing);
    if (missing) return;
    try {
      let provider = providerSaved;
      if (!provider) {
        setProgress("Adding the provider…");
        const body: CreateGatewayProviderRequest = {
          name: form.name.trim(),
          type,
          ...(form.base_url.trim() ? { base_url: form.base_url.trim() } : {}),
          ...(form.api_key ? { api_key: form.api_key } : {}),
        };
        provider = (await api.post<GatewayProvider>("/api/v1/gateway/providers", body)).name;
        setProviderSaved(provider);
      }
      if (form.model.trim()) {
        setProgress("Adding the model…");
        await api.post<GatewayModel>("/api/v1/gateway/models", {
          name: form.model.trim(),
          deployments: [{ provider }],
        });
      }
      onDone();
    } catch (caught) {
      setError(caught);
    } finally {
      setProgress(null);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate data-testid="setup-provider-form">
      <p className="text-sm text-slate-700 dark:text-slate-200">
        The assistant and the API gateway answer with models from a provider. Connect one now, or skip this
        and do it later under Administration → Providers &amp; models.
      </p>
      <fieldset disabled={providerSaved !== null} className="space-y-4">
        <SelectField label="Provider" value={type} onChange={(e) => chooseType(e.target.value as ChoiceType)}>
          {Object.entries(choices).map(([value, option]) => (
            <option key={value} value={value}>
              {option.label}
            </option>
          ))}
        </SelectField>
        <InputField
          label="Provider name"
          required
          value={form.name}
          onChange={set("name")}
          hint="Lower-case letters, digits, dots and dashes; models refer to their provider by it."
          error={fieldErrors.name}
        />
        <InputField
          label={choice.needsUrl ? "Base URL" : "Base URL (optional)"}
          type="url"
          required={choice.needsUrl}
          placeholder={choice.needsUrl ? "https://llm.example.com/v1" : "The provider's public API"}
          value={form.base_url}
          onChange={set("base_url")}
          error={
            urlMissing
              ? "Enter the server's base URL, for example https://llm.example.com/v1"
              : fieldErrors.base_url
          }
        />
        <InputField
          label="API key"
          type="password"
          autoComplete="off"
          value={form.api_key}
          onChange={set("api_key")}
          hint="Stored encrypted; it is never shown again."
          error={fieldErrors.api_key}
        />
      </fieldset>
      {providerSaved && (
        <p className="text-sm text-emerald-800 dark:text-emerald-300">
          The provider “{providerSaved}” is added.
        </p>
      )}
      <InputField
        label="First chat model (optional)"
        value={form.model}
        onChange={set("model")}
        placeholder={choice.modelExample}
        hint="The model's name at the provider. Well-known models come with their prices and limits."
        error={fieldErrors.name && providerSaved ? fieldErrors.name : undefined}
      />
      <ErrorMessage
        error={error}
        title={providerSaved ? "The model could not be added" : "The provider could not be added"}
      />
      <p role="status" className="sr-only">
        {progress ?? ""}
      </p>
      <div className="flex flex-col gap-2 sm:flex-row-reverse">
        <Button
          type="submit"
          busy={progress !== null}
          className="sm:flex-1"
          data-testid="setup-provider-submit"
        >
          {progress ?? (providerSaved ? "Add the model and finish" : "Add provider and finish")}
        </Button>
        <Button variant="secondary" onClick={onDone} disabled={progress !== null} data-testid="setup-skip">
          {providerSaved ? "Finish without a model" : "Skip for now"}
        </Button>
      </div>
    </form>
  );
}
