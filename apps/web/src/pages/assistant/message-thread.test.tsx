import { cleanup, screen, within } from "@testing-library/react";
import type { AssistantMessage } from "@tributary/contracts";
import { afterEach, describe, expect, it } from "vitest";
import { citation } from "../../features/citations/citation-fixtures";
import { renderInRouter } from "../../testing/component-test-utils";
import { answerOf } from "./answer-fixtures";
import { MessageThread } from "./message-thread";
import type { PendingExchange } from "./use-ask";

afterEach(cleanup);

function message(overrides: Partial<AssistantMessage>): AssistantMessage {
  return {
    id: "m",
    role: "assistant",
    content: "",
    standalone_question: null,
    mode: null,
    grounded: null,
    citations: [],
    warnings: [],
    model: null,
    usage: null,
    retrieval: null,
    created_at: "2025-05-01T10:00:00.000Z",
    ...overrides,
  };
}

/** A stored "not found" answer. */
const notFoundAnswer = (overrides: Partial<AssistantMessage>) =>
  message({
    content: "I could not find this in your documents.",
    mode: "not_found",
    grounded: true,
    ...overrides,
  });

/** A stored extractive answer quoting one passage. */
const extractiveAnswer = (overrides: Partial<AssistantMessage>) =>
  message({
    content: "“Rivers end in the sea.” [1]",
    mode: "extractive",
    grounded: true,
    citations: [citation(1)],
    ...overrides,
  });

const pending = (overrides: Partial<PendingExchange>): PendingExchange => ({
  question: "Where do rivers end?",
  answer: "",
  citations: [],
  warnings: [],
  status: "generating",
  final: null,
  error: null,
  ...overrides,
});

describe("MessageThread", () => {
  it("shows questions and answers, with citation markers linking to the passages", async () => {
    renderInRouter(
      <MessageThread
        spaceId="space-1"
        exchange={null}
        messages={[
          message({ id: "q", role: "user", content: "Where do rivers end?" }),
          message({
            id: "a",
            content: "In the sea [1].",
            mode: "generative",
            grounded: true,
            citations: [citation(1)],
            model: "gpt-test",
          }),
        ]}
      />,
    );
    const answer = await screen.findByTestId("answer");
    const marker = within(answer).getByRole("link", { name: "Citation 1: Report 1.pdf" });
    expect(marker.getAttribute("href")).toBe("/s/space-1/documents/doc-1?chunk=chunk-1&range=100-140");
    expect(screen.getByTestId("user-question").textContent).toContain("Where do rivers end?");
    expect(answer.textContent).toContain("Model gpt-test");
  });

  it("shows the not-found and extractive states plainly", async () => {
    renderInRouter(
      <MessageThread
        spaceId="space-1"
        exchange={null}
        messages={[notFoundAnswer({ id: "a1" }), extractiveAnswer({ id: "a2" })]}
      />,
    );
    expect(await screen.findByTestId("answer-not-found")).toBeTruthy();
    expect(screen.getByTestId("answer-extractive").textContent).toContain("No language model is configured");
    const [notFound, extractive] = screen.getAllByTestId("answer");
    expect(notFound?.dataset.mode).toBe("not_found");
    expect(extractive?.dataset.mode).toBe("extractive");
  });

  it("lists the passages an answer considered, open when the documents did not say", async () => {
    const passage = {
      index: null,
      rank: 1,
      chunk_id: "chunk-7",
      document_id: "doc-7",
      document_name: "Deltas.pdf",
      page: 2,
      score: 0.03,
      scores: { vector: 0.6, text: null, sentence: 0.41 },
      evidence: false,
      in_prompt: false,
    };
    const retrieval = {
      query: "Where do rivers end?",
      search_mode: "hybrid" as const,
      took_ms: 4,
      passages: [passage],
    };
    renderInRouter(
      <MessageThread
        spaceId="space-1"
        exchange={null}
        messages={[
          notFoundAnswer({ id: "a1", retrieval }),
          extractiveAnswer({
            id: "a2",
            retrieval: {
              ...retrieval,
              passages: [{ ...passage, index: 1, evidence: true, in_prompt: true }],
            },
          }),
          message({
            id: "a3",
            content: "Stored before passages were kept.",
            mode: "extractive",
            grounded: true,
          }),
        ]}
      />,
    );
    const [closest, considered] = await screen.findAllByTestId("considered-passages");
    expect(screen.getAllByTestId("considered-passages")).toHaveLength(2);
    expect(closest?.hasAttribute("open")).toBe(true);
    expect(closest?.textContent).toContain("Closest passages (1)");
    expect(closest?.textContent).toContain("shares too few of the question's words");
    const link = within(closest as HTMLElement).getByRole("link", { name: "Deltas.pdf, page 2" });
    expect(link.getAttribute("href")).toBe("/s/space-1/documents/doc-7?chunk=chunk-7");
    expect(considered?.hasAttribute("open")).toBe(false);
    expect(considered?.textContent).toContain("Passages considered (1)");
    expect(considered?.textContent).toContain("read for the answer");
  });

  it("shows a streaming answer as generating, its markers plain until the citations arrive", async () => {
    renderInRouter(
      <MessageThread
        spaceId="space-1"
        messages={[]}
        exchange={pending({ answer: "Rivers end in the sea [1]" })}
      />,
    );
    expect((await screen.findByTestId("generating-status")).textContent).toBe("Generating…");
    expect(screen.getByTestId("answer").getAttribute("aria-busy")).toBe("true");
    expect(screen.queryByTestId("citation-marker")).toBeNull();
  });

  it("says a stopped answer was not saved, and shows a failure's message", async () => {
    renderInRouter(
      <MessageThread
        spaceId="space-1"
        messages={[]}
        exchange={pending({ status: "stopped", answer: "Rivers" })}
      />,
    );
    expect((await screen.findByTestId("answer")).textContent).toContain("it was not saved");
    cleanup();
    renderInRouter(
      <MessageThread
        spaceId="space-1"
        messages={[]}
        exchange={pending({ status: "failed", error: new Error("Budget spent") })}
      />,
    );
    expect((await screen.findByRole("alert")).textContent).toContain("Budget spent");
  });

  it("shows a finished exchange with its mode", async () => {
    renderInRouter(
      <MessageThread
        spaceId="space-1"
        messages={[]}
        exchange={pending({
          status: "done",
          final: answerOf(),
          answer: answerOf().answer,
          citations: [citation(1)],
        })}
      />,
    );
    expect(await screen.findByTestId("answer-extractive")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Citation 1: Report 1.pdf" })).toBeTruthy();
  });
});
