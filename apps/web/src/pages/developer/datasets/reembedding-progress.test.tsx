import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { productDocs, reembedding } from "./dataset-fixtures";
import { reembeddingPollInterval } from "./dataset-status";
import { ReembeddingProgress } from "./reembedding-progress";

afterEach(cleanup);

describe("ReembeddingProgress", () => {
  it("shows records done of total, the percentage as a labelled bar, and which model searches use", () => {
    render(<ReembeddingProgress dataset={{ ...productDocs, reembedding: reembedding(300, 1200) }} />);
    const progress = screen.getByTestId("reembedding-progress");
    expect(progress.getAttribute("data-status")).toBe("running");
    expect(progress.textContent).toContain("Re-embedding with text-embedding-3-small (1,536 dimensions)");
    expect(progress.textContent).toContain("300 of 1,200 records · 25.0%");
    expect(progress.textContent).toContain("Searches use all-MiniLM-L6-v2 until every record is re-embedded");
    const bar = screen.getByRole("progressbar", { name: "Re-embedding product-docs" });
    expect(bar.getAttribute("aria-valuenow")).toBe("25");
  });

  it("says why a re-embedding failed and that searches keep the current model", () => {
    render(
      <ReembeddingProgress
        dataset={{
          ...productDocs,
          reembedding: reembedding(10, 1200, {
            status: "failed",
            error: "The embedding provider refused the key",
          }),
        }}
      />,
    );
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain("Re-embedding with text-embedding-3-small failed");
    expect(alert.textContent).toContain("The embedding provider refused the key");
    expect(alert.textContent).toContain("Searches keep using all-MiniLM-L6-v2");
    expect(screen.queryByRole("progressbar")).toBeNull();
  });

  it("shows nothing when no model change runs", () => {
    const { container } = render(<ReembeddingProgress dataset={productDocs} />);
    expect(container.textContent).toBe("");
  });

  it("polls every 2 s only while a re-embedding runs", () => {
    expect(reembeddingPollInterval({ reembedding: reembedding(1, 2) })).toBe(2000);
    expect(reembeddingPollInterval({ reembedding: reembedding(1, 2, { status: "failed" }) })).toBe(false);
    expect(reembeddingPollInterval(productDocs)).toBe(false);
    expect(reembeddingPollInterval(undefined)).toBe(false);
  });
});
