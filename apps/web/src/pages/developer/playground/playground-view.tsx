import { useState } from "react";
import { PageHeader } from "../../../ui/feedback";
import { PlaygroundForm } from "./playground-form";
import { PlaygroundMetadata } from "./playground-metadata";
import { PlaygroundOutput } from "./playground-output";
import {
  buildChatRequest,
  defaultPlaygroundSettings,
  type PlaygroundField,
  type PlaygroundSettings,
} from "./playground-request";
import { useGatewayModels } from "./use-gateway-models";
import { usePlaygroundRun } from "./use-playground-run";

/** Try the gateway from the browser: one streamed chat completion, with how it was routed and billed. */
export function PlaygroundView({ spaceId }: { spaceId: string }) {
  const models = useGatewayModels(spaceId);
  const { run, running, send, stop } = usePlaygroundRun(spaceId);
  const [settings, setSettings] = useState<PlaygroundSettings>(defaultPlaygroundSettings);
  const [errors, setErrors] = useState<Partial<Record<PlaygroundField, string>>>({});

  function sendNow() {
    const request = buildChatRequest(settings);
    if (!request.ok) {
      setErrors(request.errors);
      return;
    }
    setErrors({});
    void send(request.body, settings.apiKey);
  }

  return (
    <>
      <PageHeader
        title="Playground"
        description={
          <>
            Calls <code>POST /v1/chat/completions</code> in this space, exactly as an OpenAI client would, and
            is metered like any other call.
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,22rem)_minmax(0,1fr)]">
        <PlaygroundForm
          settings={settings}
          onChange={setSettings}
          errors={errors}
          models={models.data}
          modelsLoading={models.isPending}
          modelsError={models.error}
          running={running}
          onSend={sendNow}
          onStop={stop}
        />
        <div className="min-w-0 space-y-6">
          <PlaygroundOutput run={run} />
          <PlaygroundMetadata run={run} />
        </div>
      </div>
    </>
  );
}
