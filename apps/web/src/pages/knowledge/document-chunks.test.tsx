import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import type { Document, DocumentChunk } from "@tributary/contracts";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DocumentChunks } from "./document-chunks";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const text =
  "Tributary keeps notes. Contact ann@example.com for access. The budget for 2025 is fixed. Reviews happen monthly.";

/** Chunks of `text` at the given [start, end) offsets: exact slices, like the server's. */
function chunksOf(spans: Array<[number, number]>, extra: Partial<DocumentChunk>[] = []): DocumentChunk[] {
  return spans.map(([start, end], index) => ({
    id: `chunk-${index}`,
    document_id: "doc-1",
    chunk_index: index,
    content: text.slice(start, end),
    start_offset: start,
    end_offset: end,
    char_count: end - start,
    token_count: 10,
    page_number: index + 1,
    pages: [index + 1],
    heading_path: ["Handbook", `Part ${index + 1}`],
    language: "en",
    language_confidence: 0.9,
    pii_counts: {},
    pii_findings: [],
    metadata: {},
    strategy: "sentence",
    created_at: "2025-01-01T00:00:00.000Z",
    ...extra[index],
  }));
}

const documentWith = (chunkCount: number) =>
  ({ id: "doc-1", chunk_count: chunkCount, status: "processed" }) as Document;

/** Answers GET …/chunks from `pages` (the cursor is the page's number), recording each request. */
function serveChunks(pages: DocumentChunk[][]) {
  const requests: string[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string) => {
      requests.push(url);
      const cursor = new URL(url, "http://localhost").searchParams.get("cursor");
      const index = cursor ? Number(cursor) : 0;
      const more = index + 1 < pages.length;
      return new Response(
        JSON.stringify({
          data: pages[index] ?? [],
          next_cursor: more ? String(index + 1) : null,
          has_more: more,
        }),
        { status: 200, headers: { "content-type": "application/json" } },
      );
    }),
  );
  return requests;
}

function renderChunks(props: { chunkId?: string; range?: string; chunkCount: number }) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <DocumentChunks
        spaceId="space-1"
        document={documentWith(props.chunkCount)}
        chunkId={props.chunkId}
        rawRange={props.range}
      />
    </QueryClientProvider>,
  );
}

describe("DocumentChunks", () => {
  it("lists chunks with their pages and heading paths", async () => {
    serveChunks([
      chunksOf([
        [0, 60],
        [50, 112],
      ]),
    ]);
    renderChunks({ chunkCount: 2 });
    const list = await screen.findByTestId("chunks-list");
    const items = within(list).getAllByTestId("chunk");
    expect(items).toHaveLength(2);
    expect(items[1]?.textContent).toContain("Page 2");
    expect(items[1]?.textContent).toContain("Handbook › Part 2");
    expect(screen.queryByTestId("highlighted-passage")).toBeNull();
  });

  it("marks the character range of a citation inside the chunk it names", async () => {
    serveChunks([
      chunksOf([
        [0, 60],
        [50, 112],
      ]),
    ]);
    const start = text.indexOf("The budget");
    const end = text.indexOf(" Reviews");
    renderChunks({ chunkId: "chunk-1", range: `${start}-${end}`, chunkCount: 2 });

    const passage = await screen.findByTestId("highlighted-passage");
    expect(passage.tagName).toBe("MARK");
    expect(passage.textContent).toBe("The budget for 2025 is fixed.");
    expect(passage.closest("li")?.dataset.chunkId).toBe("chunk-1");
    expect(screen.getAllByTestId("highlighted-passage")).toHaveLength(1);
  });

  it("highlights the whole chunk when only the chunk is given", async () => {
    serveChunks([
      chunksOf([
        [0, 60],
        [50, 112],
      ]),
    ]);
    renderChunks({ chunkId: "chunk-1", chunkCount: 2 });
    const passage = await screen.findByTestId("highlighted-passage");
    expect(passage.tagName).toBe("MARK");
    expect(passage.textContent).toBe(text.slice(50, 112));
    expect(passage.closest("li")?.dataset.chunkId).toBe("chunk-1");
  });

  it("loads further pages until it finds the cited chunk", async () => {
    const all = chunksOf([
      [0, 40],
      [40, 80],
      [80, 112],
    ]);
    const requests = serveChunks([
      [all[0] as DocumentChunk],
      [all[1] as DocumentChunk],
      [all[2] as DocumentChunk],
    ]);
    renderChunks({ chunkId: "chunk-2", chunkCount: 3 });
    const passage = await screen.findByTestId("highlighted-passage");
    expect(passage.closest("li")?.dataset.chunkId).toBe("chunk-2");
    expect(requests).toHaveLength(3);
  });

  it("says so when the range is not in the text, and falls back to the named chunk", async () => {
    serveChunks([
      chunksOf([
        [0, 60],
        [50, 112],
      ]),
    ]);
    renderChunks({ chunkId: "chunk-0", range: "5000-5100", chunkCount: 2 });
    await waitFor(() =>
      expect(screen.getByText(/Characters 5000–5100 are not in this document/)).toBeTruthy(),
    );
    expect(screen.getByTestId("highlighted-passage").closest("li")?.dataset.chunkId).toBe("chunk-0");
  });

  it("marks personal data of the kinds the server counted in a chunk", async () => {
    serveChunks([chunksOf([[0, 60]], [{ pii_counts: { EMAIL_ADDRESS: 1 } }])]);
    renderChunks({ chunkCount: 1 });
    await screen.findByTestId("chunks-list");
    const marked = document.querySelector('[data-pii="EMAIL_ADDRESS"]');
    expect(marked?.textContent).toContain("ann@example.com");
    expect(screen.getByText("1 × email address")).toBeTruthy();
  });

  it("marks names and places where the server found them, and says when older chunks cannot be", async () => {
    // "Tributary" (0–9) as a person and "ann@example.com" (31–46) as an email, by the server.
    serveChunks([
      chunksOf(
        [
          [0, 60],
          [60, text.length],
        ],
        [
          {
            pii_counts: { PERSON: 1, EMAIL_ADDRESS: 1 },
            pii_findings: [
              { type: "PERSON", start: 0, end: 9, confidence: 0.6 },
              { type: "EMAIL_ADDRESS", start: 31, end: 46, confidence: 0.99 },
            ],
          },
          { pii_counts: { LOCATION: 1 }, pii_findings: [] },
        ],
      ),
    ]);
    renderChunks({ chunkCount: 2 });
    await screen.findByTestId("chunks-list");
    expect(document.querySelector('[data-pii="PERSON"]')?.textContent).toContain("Tributary");
    expect(document.querySelector('[data-pii="EMAIL_ADDRESS"]')?.textContent).toContain("ann@example.com");
    // The second chunk counts a place the server did not locate (processed before findings were kept).
    expect(screen.getByText(/reprocess the document to mark them/)).toBeTruthy();
  });
});
