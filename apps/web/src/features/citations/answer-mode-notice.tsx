import type { AssistantMode } from "@tributary/contracts";
import { Notice } from "../../ui/feedback";

/**
 * Says plainly how an answer was made when it is not an ordinary model answer: nothing found
 * (no passage was evidence, so no model was asked), extractive (no model is configured, so the
 * best passages are quoted as they are), or a model answer whose claims are not all cited.
 */
export function AnswerModeNotice({
  mode,
  grounded,
  warnings = [],
}: {
  mode: AssistantMode | null;
  grounded: boolean | null;
  warnings?: readonly string[];
}) {
  if (mode === "not_found") {
    return (
      <div data-testid="answer-not-found">
        <Notice tone="warning">
          <p className="font-semibold">No evidence found</p>
          <p>
            None of the passages in this space answer the question, so no answer was written. Rephrase it with
            words your documents use, or check that the documents covering it are uploaded here and finished
            processing.
          </p>
        </Notice>
      </div>
    );
  }
  if (mode === "extractive") {
    return (
      <div data-testid="answer-extractive">
        <Notice tone="info">
          <p className="font-semibold">Quoted from your documents</p>
          <p>
            No language model is configured, so this answer is assembled from the best-matching passages,
            quoted word for word. An administrator can add a model provider for written answers.
          </p>
          <WarningList warnings={warnings} />
        </Notice>
      </div>
    );
  }
  if (mode === "generative" && grounded === false) {
    return (
      <div data-testid="answer-ungrounded">
        <Notice tone="warning">
          <p className="font-semibold">Not every claim is backed by a citation</p>
          <p>Check the parts without a marker against your documents before relying on them.</p>
          <WarningList warnings={warnings} />
        </Notice>
      </div>
    );
  }
  return null;
}

function WarningList({ warnings }: { warnings: readonly string[] }) {
  if (warnings.length === 0) return null;
  return (
    <ul className="mt-1 list-disc pl-5 text-xs">
      {warnings.map((warning) => (
        <li key={warning}>{warning}</li>
      ))}
    </ul>
  );
}
