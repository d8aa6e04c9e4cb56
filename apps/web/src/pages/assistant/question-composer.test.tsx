import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { QuestionComposer } from "./question-composer";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderComposer(props: { question: string; generating?: boolean }) {
  // The notebook picker asks the API; the composer's behaviour does not depend on it.
  vi.stubGlobal(
    "fetch",
    vi.fn(async () => new Response(JSON.stringify({ data: [] }), { status: 200 })),
  );
  const onAsk = vi.fn();
  const onStop = vi.fn();
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrap = (ui: ReactNode) => <QueryClientProvider client={client}>{ui}</QueryClientProvider>;
  render(
    wrap(
      <QuestionComposer
        spaceId="space-1"
        question={props.question}
        onQuestionChange={() => {}}
        options={{ searchMode: "hybrid", notebookId: "" }}
        onOptionsChange={() => {}}
        generating={props.generating ?? false}
        onAsk={onAsk}
        onStop={onStop}
      />,
    ),
  );
  return { onAsk, onStop };
}

describe("QuestionComposer", () => {
  it("asks on Enter but not on Shift+Enter", () => {
    const { onAsk } = renderComposer({ question: "Where do rivers end?" });
    const input = screen.getByLabelText("Ask a question");
    fireEvent.keyDown(input, { key: "Enter", shiftKey: true });
    expect(onAsk).not.toHaveBeenCalled();
    fireEvent.keyDown(input, { key: "Enter" });
    expect(onAsk).toHaveBeenCalledTimes(1);
  });

  it("asks with the button, and not with an empty question", () => {
    const { onAsk } = renderComposer({ question: "  " });
    const button = screen.getByRole("button", { name: "Ask" }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    fireEvent.keyDown(screen.getByLabelText("Ask a question"), { key: "Enter" });
    expect(onAsk).not.toHaveBeenCalled();
  });

  it("offers Stop while an answer is generating", () => {
    const { onAsk, onStop } = renderComposer({ question: "Next question", generating: true });
    fireEvent.keyDown(screen.getByLabelText("Ask a question"), { key: "Enter" });
    expect(onAsk).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole("button", { name: "Stop" }));
    expect(onStop).toHaveBeenCalledTimes(1);
  });
});
