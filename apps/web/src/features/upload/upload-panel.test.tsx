import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import type { Document } from "@tributary/contracts";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "../../api/api-error";
import type { SpaceEvent, SpaceEventListener } from "../../api/use-event-stream";
import type { UploadClient } from "./upload-client";
import { UploadPanel } from "./upload-panel";

afterEach(cleanup);

interface PendingUpload {
  readonly file: File;
  readonly notebookId: string;
  readonly signal: AbortSignal;
  readonly onProgress: (loaded: number, total: number) => void;
  readonly resolve: (document: Document) => void;
  readonly reject: (error: unknown) => void;
}

function documentOf(id: string, file: File, status: Document["status"] = "processing"): Document {
  return {
    id,
    name: file.name,
    original_name: file.name,
    notebook_id: "nb-1",
    status,
    size_bytes: file.size,
    error: null,
    duplicate_of: null,
  } as Document;
}

/** A fake server: uploads wait until the test answers them; events are sent by the test. */
function fakeServer() {
  const uploads: PendingUpload[] = [];
  const listeners = new Set<SpaceEventListener>();
  const client: UploadClient = {
    upload: (input) =>
      new Promise<Document>((resolve, reject) => {
        uploads.push({ ...input, resolve, reject });
        input.signal.addEventListener("abort", () =>
          reject(new DOMException("The upload was cancelled", "AbortError")),
        );
      }),
    getDocument: vi.fn(),
    reprocess: vi.fn(async (id: string) => documentOf(id, new File(["x"], "x.txt"), "processing")),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const emit = async (event: SpaceEvent) => {
    await act(async () => {
      for (const listener of listeners) listener(event);
    });
  };
  const statusEvent = (documentId: string, status: Document["status"], error: string | null = null) =>
    emit({ type: "document.status", data: { document_id: documentId, status, error } });
  return { client, uploads, emit, statusEvent };
}

const textFile = (name: string, content = "hello world") => new File([content], name, { type: "text/plain" });

function renderPanel(client: UploadClient, concurrency = 3) {
  return render(
    <UploadPanel client={client} notebookId="nb-1" notebookName="Research" concurrency={concurrency} />,
  );
}

async function chooseFiles(files: File[]) {
  const input = screen.getByLabelText("Upload documents") as HTMLInputElement;
  Object.defineProperty(input, "files", { value: files, configurable: true });
  await act(async () => {
    fireEvent.change(input);
  });
}

const row = (name: string) => {
  const rows = screen.getAllByTestId("upload-row");
  const found = rows.find((candidate) => candidate.textContent?.includes(name));
  if (!found) throw new Error(`No queue row for ${name}`);
  return found;
};
const statusOf = (name: string) => within(row(name)).getByTestId("upload-status").textContent;

describe("UploadPanel", () => {
  it("queues the chosen files and uploads at most `concurrency` of them at once", async () => {
    const server = fakeServer();
    renderPanel(server.client, 2);
    await chooseFiles([textFile("a.txt"), textFile("b.txt"), textFile("c.txt")]);

    expect(screen.getAllByTestId("upload-row")).toHaveLength(3);
    expect(server.uploads.map((upload) => upload.file.name)).toEqual(["a.txt", "b.txt"]);
    expect(server.uploads[0]?.notebookId).toBe("nb-1");
    expect(statusOf("a.txt")).toBe("Uploading 0 %");
    expect(statusOf("c.txt")).toBe("Waiting to upload");
  });

  it("adds files dropped on the zone", async () => {
    const server = fakeServer();
    renderPanel(server.client);
    const files = [textFile("dropped.md")];
    await act(async () => {
      fireEvent.drop(screen.getByTestId("upload-dropzone"), { dataTransfer: { files, types: ["Files"] } });
    });
    expect(statusOf("dropped.md")).toBe("Uploading 0 %");
  });

  it("shows upload progress, then processing, then processed from the event stream", async () => {
    const server = fakeServer();
    renderPanel(server.client);
    const file = textFile("report.txt");
    await chooseFiles([file]);
    const upload = server.uploads[0];
    if (!upload) throw new Error("not started");

    await act(async () => upload.onProgress(40, 100));
    expect(statusOf("report.txt")).toBe("Uploading 40 %");
    expect(
      screen.getByRole("progressbar", { name: "Uploading report.txt" }).getAttribute("aria-valuenow"),
    ).toBe("40");

    await act(async () => upload.resolve(documentOf("doc-1", file)));
    expect(statusOf("report.txt")).toBe("Processing…");
    expect(row("report.txt").dataset.documentId).toBe("doc-1");
    expect(screen.getByRole("progressbar", { name: "Processing report.txt" })).toBeTruthy();

    await server.statusEvent("doc-other", "processed");
    expect(statusOf("report.txt")).toBe("Processing…");
    // The server's steps turn the moving bar into a measured one.
    await server.emit({
      type: "document.progress",
      data: { document_id: "doc-1", step: "indexing", step_number: 2, steps: 3, chunk_count: 42 },
    });
    expect(statusOf("report.txt")).toBe("Step 2 of 3: analysing and embedding 42 chunks");
    const bar = screen.getByRole("progressbar", { name: "Processing report.txt" });
    expect(Number(bar.getAttribute("aria-valuenow"))).toBeGreaterThan(30);
    await server.statusEvent("doc-1", "processed");
    expect(statusOf("report.txt")).toBe("Processed");
    expect(screen.getByTestId("upload-summary").textContent).toBe("1 of 1 processed");
  });

  it("takes a status heard before the upload answered", async () => {
    const server = fakeServer();
    renderPanel(server.client);
    const file = textFile("fast.txt");
    await chooseFiles([file]);
    await server.statusEvent("doc-fast", "processed");
    await act(async () => server.uploads[0]?.resolve(documentOf("doc-fast", file)));
    expect(statusOf("fast.txt")).toBe("Processed");
  });

  it("shows the API's message and what to do when the server refuses a file", async () => {
    const server = fakeServer();
    renderPanel(server.client);
    await chooseFiles([textFile("movie.exe"), textFile("huge.pdf")]);

    await act(async () =>
      server.uploads[0]?.reject(
        new ApiError(
          415,
          "UNSUPPORTED_MEDIA_TYPE",
          "This type of file is not supported (detected from its content)",
        ),
      ),
    );
    await act(async () =>
      server.uploads[1]?.reject(
        new ApiError(
          413,
          "PAYLOAD_TOO_LARGE",
          "The file exceeds the maximum size of 1048576 bytes",
          undefined,
          "req-9",
        ),
      ),
    );

    expect(statusOf("movie.exe")).toBe("Upload failed");
    const unsupported = within(row("movie.exe")).getByRole("alert");
    expect(unsupported.textContent).toContain(
      "This type of file is not supported (detected from its content)",
    );
    expect(unsupported.textContent).toContain("Upload one of the supported types");
    const tooLarge = within(row("huge.pdf")).getByRole("alert");
    expect(tooLarge.textContent).toContain("The file exceeds the maximum size of 1048576 bytes");
    expect(tooLarge.textContent).toContain("Choose a smaller file");
    expect(tooLarge.textContent).toContain("Request id: req-9");
    expect(screen.getByTestId("upload-summary").textContent).toBe("0 of 2 processed, 2 failed");
  });

  it("retries a refused upload by sending the file again", async () => {
    const server = fakeServer();
    renderPanel(server.client);
    const file = textFile("busy.txt");
    await chooseFiles([file]);
    await act(async () =>
      server.uploads[0]?.reject(
        new ApiError(429, "RATE_LIMITED", "Too many uploads in progress in this space"),
      ),
    );
    expect(within(row("busy.txt")).getByRole("alert").textContent).toContain(
      "Too many uploads in progress in this space",
    );

    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Retry busy.txt" })));
    expect(server.uploads).toHaveLength(2);
    expect(server.uploads[1]?.file).toBe(file);
    expect(statusOf("busy.txt")).toBe("Uploading 0 %");
    expect(within(row("busy.txt")).queryByRole("alert")).toBeNull();

    await act(async () => server.uploads[1]?.resolve(documentOf("doc-2", file)));
    await server.statusEvent("doc-2", "processed");
    expect(statusOf("busy.txt")).toBe("Processed");
  });

  it("shows why processing failed and retries it by reprocessing the stored document", async () => {
    const server = fakeServer();
    renderPanel(server.client);
    const file = textFile("locked.pdf");
    await chooseFiles([file]);
    await act(async () => server.uploads[0]?.resolve(documentOf("doc-3", file)));
    await server.statusEvent("doc-3", "failed", "The PDF is encrypted");

    expect(statusOf("locked.pdf")).toBe("Processing failed");
    expect(within(row("locked.pdf")).getByRole("alert").textContent).toContain("The PDF is encrypted");

    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Retry locked.pdf" })));
    expect(server.client.reprocess).toHaveBeenCalledWith("doc-3");
    expect(server.uploads).toHaveLength(1);
    expect(statusOf("locked.pdf")).toBe("Processing…");
    await server.statusEvent("doc-3", "processed");
    expect(statusOf("locked.pdf")).toBe("Processed");
  });

  it("cancels an upload in flight and starts the next queued file", async () => {
    const server = fakeServer();
    renderPanel(server.client, 1);
    await chooseFiles([textFile("first.txt"), textFile("second.txt")]);
    expect(server.uploads).toHaveLength(1);

    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Cancel first.txt" })));
    expect(server.uploads[0]?.signal.aborted).toBe(true);
    expect(statusOf("first.txt")).toBe("Cancelled");
    expect(within(row("first.txt")).queryByRole("alert")).toBeNull();
    expect(server.uploads[1]?.file.name).toBe("second.txt");
  });

  it("re-reads files still processing after the event stream reconnects", async () => {
    const server = fakeServer();
    const file = textFile("slow.txt");
    vi.mocked(server.client.getDocument).mockResolvedValue(documentOf("doc-4", file, "processed"));
    renderPanel(server.client);
    await chooseFiles([file]);
    await act(async () => server.uploads[0]?.resolve(documentOf("doc-4", file)));

    await server.emit({ type: "connected", reconnected: true });
    expect(server.client.getDocument).toHaveBeenCalledWith("doc-4");
    expect(statusOf("slow.txt")).toBe("Processed");
  });
});
