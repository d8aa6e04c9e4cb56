import { ErrorMessage, Spinner } from "../../../ui/feedback";
import type { PlaygroundRun } from "./use-playground-run";

const phaseText: Record<PlaygroundRun["phase"], string> = {
  idle: "",
  waiting: "Waiting for the first token",
  streaming: "Streaming…",
  done: "Complete",
  stopped: "Stopped: the rest was not generated",
  failed: "Failed",
};

/** The streamed answer; screen readers hear it once it is complete (aria-busy while it streams). */
export function PlaygroundOutput({ run }: { run: PlaygroundRun }) {
  const streaming = run.phase === "waiting" || run.phase === "streaming";
  return (
    <section aria-labelledby="playground-output-heading" className="space-y-2">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="playground-output-heading" className="text-base font-semibold">
          Response
        </h2>
        {run.phase !== "idle" && (
          <span className="text-xs text-slate-600 dark:text-slate-300" data-testid="playground-phase">
            {phaseText[run.phase]}
          </span>
        )}
      </div>
      {run.phase === "waiting" && <Spinner label="Waiting for the model" />}
      <div
        data-testid="playground-output"
        aria-live="polite"
        aria-busy={streaming}
        className="min-h-32 whitespace-pre-wrap break-words rounded-md border border-slate-200 bg-slate-50 p-3 text-sm dark:border-slate-700 dark:bg-slate-950"
      >
        {run.text ||
          (run.phase === "idle" ? (
            <span className="text-slate-600 dark:text-slate-300">
              Choose a model, write a message and press Send: the answer streams in here.
            </span>
          ) : null)}
      </div>
      {run.error ? <ErrorMessage error={run.error} title="The gateway refused or failed the call" /> : null}
    </section>
  );
}
