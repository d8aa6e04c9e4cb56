import { act, cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import type { DatasetResponse } from "@tributary/contracts";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  json,
  page,
  type RecordedCall,
  renderWithQuery,
  stubFetch,
} from "../../../testing/component-test-utils";
import { productDocs, productDocsStats, reembedding } from "./dataset-fixtures";
import { DatasetsView } from "./datasets-view";

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const disabledMessage =
  "Vector search is disabled on this instance (VECTOR_STORE=disabled). Install pgvector on the database and set VECTOR_STORE=pgvector to enable datasets, embeddings and search.";

type Route = (call: RecordedCall) => Response | undefined;

function renderView(route: Route) {
  const calls = stubFetch(route);
  renderWithQuery(<DatasetsView spaceId="space_1" />);
  return calls;
}

const gets = (calls: RecordedCall[], path: string) =>
  calls.filter((call) => call.method === "GET" && call.url === path).length;

describe("DatasetsView", () => {
  it("shows the API's message plainly when the vector store is disabled (503)", async () => {
    renderView(() =>
      json(
        {
          error: {
            code: "SERVICE_UNAVAILABLE",
            message: disabledMessage,
            details: { setting: "VECTOR_STORE", value: "disabled" },
          },
        },
        503,
      ),
    );
    const notice = await screen.findByTestId("vector-store-disabled");
    expect(notice.textContent).toContain("Vector datasets are turned off on this instance");
    expect(notice.textContent).toContain(disabledMessage);
    // It is a setting, not a failure: no "try again", no create button that could only fail.
    expect(notice.textContent).not.toContain("Try again");
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.queryByTestId("create-dataset")).toBeNull();
  });

  it("lists datasets with their model, shape, size and status", async () => {
    renderView(({ url }) => (url.startsWith("/api/v1/datasets?") ? json(page([productDocs])) : undefined));
    const row = await screen.findByTestId("dataset-row");
    expect(row.textContent).toContain("product-docs");
    expect(row.textContent).toContain("Ready");
    expect(row.textContent).toContain("all-MiniLM-L6-v2");
    expect(row.textContent).toContain("384");
    expect(row.textContent).toContain("HNSW (approximate) · Cosine");
    expect(row.textContent).toContain("1,200");
    expect(row.textContent).toContain("2.3 MB");
    expect(screen.queryByTestId("reembedding-progress")).toBeNull();
  });

  it("polls a dataset every 2 s while it is re-embedded, and stops when it is done", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const answers: DatasetResponse[] = [
      { ...productDocs, reembedding: reembedding(900, 1200) },
      { ...productDocs, embedding_model: "text-embedding-3-small", dimensions: 1536, reembedding: null },
    ];
    let listed: DatasetResponse = { ...productDocs, reembedding: reembedding(300, 1200) };
    const calls = renderView(({ url }) => {
      if (url.startsWith("/api/v1/datasets?")) return json(page([listed]));
      if (url === "/api/v1/datasets/product-docs") {
        const next = answers.shift() ?? listed;
        listed = next;
        return json(next);
      }
      return undefined;
    });
    expect((await screen.findByTestId("reembedding-progress")).textContent).toContain("300 of 1,200 records");
    expect(gets(calls, "/api/v1/datasets/product-docs")).toBe(0);

    await act(() => vi.advanceTimersByTimeAsync(2_000));
    await waitFor(() =>
      expect(screen.getByTestId("reembedding-progress").textContent).toContain("900 of 1,200 records"),
    );
    await act(() => vi.advanceTimersByTimeAsync(2_000));
    await waitFor(() => expect(screen.queryByTestId("reembedding-progress")).toBeNull());
    expect(screen.getByTestId("dataset-row").textContent).toContain("text-embedding-3-small");
    expect(gets(calls, "/api/v1/datasets/product-docs")).toBe(2);

    // Done: no more polling, however long the page stays open.
    await act(() => vi.advanceTimersByTimeAsync(10_000));
    expect(gets(calls, "/api/v1/datasets/product-docs")).toBe(2);
  });

  it("does not poll a dataset that is not being re-embedded", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const calls = renderView(({ url }) =>
      url.startsWith("/api/v1/datasets?") ? json(page([productDocs])) : undefined,
    );
    await screen.findByTestId("dataset-row");
    await act(() => vi.advanceTimersByTimeAsync(10_000));
    expect(gets(calls, "/api/v1/datasets/product-docs")).toBe(0);
  });

  it("opens a dataset's details with its stats, changes its model (202) and shows the progress", async () => {
    // What the server holds: after the PATCH, the list and the dataset both report the run.
    let current: DatasetResponse = productDocs;
    const calls = renderView(({ method, url }) => {
      if (url.startsWith("/api/v1/datasets?")) return json(page([current]));
      if (url === "/api/v1/datasets/product-docs/stats") return json(productDocsStats);
      if (method === "PATCH") {
        current = { ...productDocs, reembedding: reembedding(0, 1200) };
        return json(current, 202);
      }
      if (url === "/api/v1/datasets/product-docs") return json(current);
      return undefined;
    });
    fireEvent.click(await screen.findByRole("button", { name: "Details of product-docs" }));
    const stats = await screen.findByTestId("dataset-stats");
    expect(stats.textContent).toContain("Documents12");
    expect(stats.textContent).toContain("en: 1,100");
    expect(stats.textContent).toContain("On the HNSW index");

    fireEvent.click(screen.getByRole("button", { name: "Change embedding model" }));
    fireEvent.change(screen.getByLabelText("New embedding model"), {
      target: { value: "text-embedding-3-small" },
    });
    fireEvent.click(screen.getByTestId("submit-change-model"));
    await waitFor(() => expect(calls.some((call) => call.method === "PATCH")).toBe(true));
    const patch = calls.find((call) => call.method === "PATCH");
    expect(patch?.url).toBe("/api/v1/datasets/product-docs");
    expect(patch?.body).toEqual({ embedding_model: "text-embedding-3-small" });
    expect(patch?.headers["x-space-id"]).toBe("space_1");

    expect((await screen.findByTestId("reembedding-progress")).textContent).toContain("0 of 1,200 records");
    expect(screen.getByRole("status").textContent).toContain(
      "Re-embedding “product-docs” with text-embedding-3-small started",
    );
    expect(
      (screen.getByRole("button", { name: "Change embedding model" }) as HTMLButtonElement).disabled,
    ).toBe(true);
  });

  it("creates a dataset from the form's values and shows the API's field error", async () => {
    let attempts = 0;
    const calls = renderView(({ method, url, body }) => {
      if (url.startsWith("/api/v1/datasets?")) return json(page([productDocs]));
      if (method === "POST") {
        attempts += 1;
        if (attempts === 1) {
          return json(
            {
              error: {
                code: "INVALID_DATASET_CONFIG",
                message:
                  'Invalid dataset embedding_model: "nope" (allowed: lexical-hash-384 (384), bge-m3 (1024))',
                details: {
                  field: "embedding_model",
                  value: "nope",
                  allowed_range: "lexical-hash-384 (384), bge-m3 (1024)",
                },
              },
            },
            400,
          );
        }
        return json({ ...productDocs, ...(body as object), id: "faq", index_type: "hnsw" }, 201);
      }
      return undefined;
    });
    fireEvent.click(await screen.findByTestId("create-dataset"));
    fireEvent.change(screen.getByLabelText("Dataset name"), { target: { value: "faq" } });
    fireEvent.change(screen.getByLabelText("Description (optional)"), { target: { value: "Questions" } });
    fireEvent.change(screen.getByLabelText("Embedding model (optional)"), { target: { value: "nope" } });
    fireEvent.change(screen.getByLabelText("Distance metric"), { target: { value: "dot_product" } });
    fireEvent.change(screen.getByLabelText("Index type"), { target: { value: "hnsw" } });
    fireEvent.change(screen.getByLabelText("m"), { target: { value: "32" } });
    fireEvent.click(screen.getByTestId("submit-create-dataset"));

    const modelInput = screen.getByLabelText("Embedding model (optional)");
    await waitFor(() => expect(modelInput.getAttribute("aria-invalid")).toBe("true"));
    // The models the API named are offered next time.
    const listId = modelInput.getAttribute("list") ?? "";
    const offered = [...(document.getElementById(listId)?.querySelectorAll("option") ?? [])].map(
      (option) => option.value,
    );
    expect(offered).toEqual(["all-MiniLM-L6-v2", "bge-m3", "lexical-hash-384"]);

    fireEvent.change(modelInput, { target: { value: "bge-m3" } });
    fireEvent.click(screen.getByTestId("submit-create-dataset"));
    await screen.findByText(/Dataset “faq” created/);
    expect(calls.filter((call) => call.method === "POST").at(-1)?.body).toEqual({
      name: "faq",
      description: "Questions",
      embedding_model: "bge-m3",
      metric_type: "dot_product",
      index_type: "hnsw",
      index_config: { m: 32 },
    });
  });

  it("offers the models the instance serves once the create dialog opens", async () => {
    const calls = renderView(({ url }) => {
      if (url.startsWith("/api/v1/datasets?")) return json(page([productDocs]));
      if (url === "/api/v1/embeddings/models") {
        return json({
          data: [
            {
              name: "universal-sentence-encoder-lite",
              provider: "sentence_encoder",
              dimensions: 512,
              fallback: false,
              default: true,
            },
            { name: "lexical-hash-v1", provider: "lexical", dimensions: 384, fallback: true, default: false },
          ],
        });
      }
      return undefined;
    });
    await screen.findByTestId("dataset-row");
    expect(gets(calls, "/api/v1/embeddings/models")).toBe(0);
    fireEvent.click(await screen.findByTestId("create-dataset"));
    const listId = screen.getByLabelText("Embedding model (optional)").getAttribute("list") ?? "";
    await waitFor(() => {
      const offered = [...(document.getElementById(listId)?.querySelectorAll("option") ?? [])].map(
        (option) => option.value,
      );
      expect(offered).toEqual(["all-MiniLM-L6-v2", "lexical-hash-v1", "universal-sentence-encoder-lite"]);
    });
  });

  it("deletes a dataset after confirmation", async () => {
    const calls = renderView(({ method, url }) => {
      if (url.startsWith("/api/v1/datasets?")) return json(page([productDocs]));
      if (url === "/api/v1/datasets/product-docs/stats") return json(productDocsStats);
      if (method === "DELETE") {
        return json({
          success: true,
          message: "Dataset 'product-docs' deleted successfully",
          deleted_at: "",
        });
      }
      return undefined;
    });
    fireEvent.click(await screen.findByRole("button", { name: "Details of product-docs" }));
    fireEvent.click(screen.getByRole("button", { name: "Delete dataset" }));
    expect(screen.getByRole("dialog", { name: "Delete this dataset?" }).textContent).toContain(
      "1,200 vectors",
    );
    fireEvent.click(screen.getByTestId("confirm-action"));
    await screen.findByText("Dataset “product-docs” deleted.");
    expect(calls.find((call) => call.method === "DELETE")?.url).toBe("/api/v1/datasets/product-docs");
  });

  it("says what to do first when there is no dataset", async () => {
    renderView(({ url }) => (url.startsWith("/api/v1/datasets?") ? json(page([])) : undefined));
    expect(await screen.findByRole("heading", { name: "No datasets yet" })).toBeTruthy();
  });
});
