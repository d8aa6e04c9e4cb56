import type { Document, SensitivityLevel } from "@tributary/contracts";
import type { ReactNode } from "react";
import { formatNumber } from "../../lib/format";
import { Badge, Card } from "../../ui/feedback";
import { piiLabel } from "./passage-highlights";

const sensitivityTone: Record<SensitivityLevel, "neutral" | "info" | "warning" | "danger"> = {
  public: "neutral",
  internal: "info",
  confidential: "warning",
  restricted: "danger",
};

function languageName(code: string): string {
  try {
    const name = new Intl.DisplayNames(undefined, { type: "language" }).of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

const percent = (value: number) => `${formatNumber(value * 100)} %`;

/** What processing learned: language, sensitivity, classification with its evidence, personal data. */
export function DocumentAnalysis({ document }: { document: Document }) {
  const pending = document.status === "processing" || document.status === "uploading";
  const notYet = pending ? "Known once processing finishes" : "Not determined";
  return (
    <Card>
      <h2 className="mb-3 text-base font-semibold">Analysis</h2>
      <dl data-testid="document-analysis" className="space-y-3 text-sm">
        <Item label="Language">
          {document.language ? (
            <>
              {languageName(document.language)}
              {document.language_confidence !== null && (
                <span className="text-slate-600 dark:text-slate-300">
                  {" "}
                  · {percent(document.language_confidence)} confident
                </span>
              )}
            </>
          ) : (
            notYet
          )}
        </Item>
        <Item label="Sensitivity">
          {document.sensitivity_level ? (
            <span data-testid="document-sensitivity">
              <Badge tone={sensitivityTone[document.sensitivity_level]}>{document.sensitivity_level}</Badge>
            </span>
          ) : (
            notYet
          )}
          {document.compliance_flags.length > 0 && (
            <span className="mt-1 flex flex-wrap gap-1">
              {document.compliance_flags.map((flag) => (
                <Badge key={flag} tone="warning">
                  {flag}
                </Badge>
              ))}
            </span>
          )}
        </Item>
        <Item label="Classification">
          {document.classification ? (
            <div data-testid="document-classification">
              <p>
                <span className="font-medium">{document.classification.content_category}</span>{" "}
                <span className="text-slate-600 dark:text-slate-300">
                  · {percent(document.classification.confidence)} confident
                </span>
              </p>
              {document.classification.evidence.length > 0 && (
                <>
                  <p className="mt-1 text-xs text-slate-600 dark:text-slate-300">Evidence:</p>
                  <ul className="ml-4 list-disc text-xs">
                    {document.classification.evidence.map((evidence) => (
                      <li key={evidence}>{evidence}</li>
                    ))}
                  </ul>
                </>
              )}
            </div>
          ) : (
            notYet
          )}
        </Item>
        <Item label="Personal data">
          <PiiSummary summary={document.pii_summary} pending={pending} />
        </Item>
      </dl>
    </Card>
  );
}

function PiiSummary({ summary, pending }: { summary: Document["pii_summary"]; pending: boolean }) {
  if (!summary) return <>{pending ? "Known once processing finishes" : "Not scanned"}</>;
  const counts = Object.entries((summary.counts ?? {}) as Record<string, number>).filter(
    ([, count]) => count > 0,
  );
  if (counts.length === 0) return <>None found</>;
  return (
    <ul data-testid="document-pii" className="space-y-0.5">
      {counts.map(([type, count]) => (
        <li key={type}>
          {count} × {piiLabel(type)}
        </li>
      ))}
      <li className="text-xs text-slate-600 dark:text-slate-300">
        Marked in the text below where it can be located.
      </li>
    </ul>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-600 dark:text-slate-300">
        {label}
      </dt>
      <dd className="mt-0.5">{children}</dd>
    </div>
  );
}
