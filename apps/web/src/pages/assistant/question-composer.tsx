import { type FormEvent, type KeyboardEvent, useId } from "react";
import { Button } from "../../ui/button";
import { inputClass } from "../../ui/field";
import type { AskOptions } from "./answer-stream";
import { AskOptionsFields } from "./ask-options-fields";

/**
 * Where a question is typed. Enter asks (Shift+Enter for a new line); while an answer is being
 * written, Ask waits and Stop ends it.
 */
export function QuestionComposer({
  spaceId,
  question,
  onQuestionChange,
  options,
  onOptionsChange,
  generating,
  onAsk,
  onStop,
}: {
  spaceId: string;
  question: string;
  onQuestionChange: (question: string) => void;
  options: AskOptions;
  onOptionsChange: (options: AskOptions) => void;
  generating: boolean;
  onAsk: () => void;
  onStop: () => void;
}) {
  const id = useId();
  const canAsk = question.trim().length > 0 && !generating;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (canAsk) onAsk();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    // Composing with an input method uses Enter to confirm a word, not to send.
    if (event.key !== "Enter" || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    if (canAsk) onAsk();
  }

  return (
    <form onSubmit={submit} className="space-y-2" aria-label="Ask the assistant">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700 dark:text-slate-200">
        Ask a question
      </label>
      <textarea
        id={id}
        value={question}
        onChange={(event) => onQuestionChange(event.target.value)}
        onKeyDown={onKeyDown}
        rows={3}
        maxLength={4000}
        placeholder="e.g. What is the notice period in the supplier contract?"
        aria-describedby={`${id}-hint`}
        className={inputClass}
        data-testid="question-input"
      />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p id={`${id}-hint`} className="text-xs text-slate-600 dark:text-slate-300">
          Enter to ask, Shift+Enter for a new line. Answers come only from this space's documents.
        </p>
        <div className="flex gap-2">
          {generating && (
            <Button variant="secondary" onClick={onStop} data-testid="stop-button">
              Stop
            </Button>
          )}
          <Button type="submit" disabled={!canAsk} busy={generating} data-testid="ask-button">
            Ask
          </Button>
        </div>
      </div>
      <AskOptionsFields spaceId={spaceId} options={options} onChange={onOptionsChange} />
    </form>
  );
}
