import { cleanup, render, screen } from "@testing-library/react";
import type { Document } from "@tributary/contracts";
import { afterEach, describe, expect, it } from "vitest";
import { DocumentProcessingStatus } from "./document-processing-status";
import { DocumentStatusBadge } from "./document-status-badge";

afterEach(cleanup);

const processing = { id: "doc-1", name: "report.pdf", status: "processing" } as Document;

describe("processing steps on the knowledge pages", () => {
  it("shows a moving bar until the first step is heard", () => {
    render(<DocumentProcessingStatus document={processing} />);
    expect(screen.getByRole("status").textContent).toContain("Processing…");
    expect(
      screen.getByRole("progressbar", { name: "Processing report.pdf" }).getAttribute("aria-valuetext"),
    ).toBe("In progress");
  });

  it("says which step processing is at, and measures it", () => {
    render(
      <DocumentProcessingStatus
        document={processing}
        step={{ document_id: "doc-1", step: "indexing", step_number: 2, steps: 3, chunk_count: 42 }}
      />,
    );
    expect(screen.getByRole("status").textContent).toContain(
      "Step 2 of 3: analysing and embedding the chunks (42).",
    );
    const bar = screen.getByRole("progressbar", { name: "Processing report.pdf" });
    expect(Number(bar.getAttribute("aria-valuenow"))).toBeGreaterThan(30);
  });

  it("adds the step to the status badge of a processing document only", () => {
    const step = { step_number: 3, steps: 3 };
    render(
      <>
        <DocumentStatusBadge status="processing" step={step} />
        <DocumentStatusBadge status="processed" step={step} />
      </>,
    );
    const badges = screen.getAllByTestId("document-status").map((badge) => badge.textContent);
    expect(badges).toEqual(["Processing 3/3", "Processed"]);
  });
});
