import type { DocumentStatus } from "@tributary/contracts";
import { Badge } from "../../ui/feedback";

const presentation: Record<
  DocumentStatus,
  { label: string; tone: "neutral" | "success" | "warning" | "danger" | "info" }
> = {
  uploading: { label: "Uploading", tone: "info" },
  processing: { label: "Processing", tone: "info" },
  processed: { label: "Processed", tone: "success" },
  failed: { label: "Failed", tone: "danger" },
  archived: { label: "Archived", tone: "neutral" },
  deleted: { label: "Deleted", tone: "neutral" },
};

/**
 * A document's status in words and colour, with the processing step when the event stream told
 * it ("Processing 2/3"); `data-status` carries the API's value for tests.
 */
export function DocumentStatusBadge({
  status,
  step,
}: {
  status: DocumentStatus;
  step?: { readonly step_number: number; readonly steps: number } | undefined;
}) {
  const { label, tone } = presentation[status];
  const shown = status === "processing" && step ? `${label} ${step.step_number}/${step.steps}` : label;
  return (
    <span data-testid="document-status" data-status={status}>
      <Badge tone={tone}>{shown}</Badge>
    </span>
  );
}

const formatLabels: Record<string, string> = {
  pdf: "PDF",
  docx: "Word",
  pptx: "PowerPoint",
  xlsx: "Excel",
  csv: "CSV",
  html: "HTML",
  markdown: "Markdown",
  text: "Text",
  rtf: "RTF",
  odt: "OpenDocument",
  png: "PNG image",
  jpeg: "JPEG image",
  tiff: "TIFF image",
  gif: "GIF image",
};

export function formatLabel(format: string): string {
  return formatLabels[format] ?? format.toUpperCase();
}
