import { countTokens } from "gpt-tokenizer";
import { describe, expect, it } from "vitest";
import { numberedPassage } from "../testing/fixture-passages.js";
import { buildAnswerPrompt } from "./build-answer-prompt.js";

const long = (word: string, times = 600) => `${word} `.repeat(times).trim();
const passages = [1, 2, 3, 4].map((n) => numberedPassage(n, long(`passage${n}`, 400)));
const history = Array.from({ length: 12 }, (_, i) => ({
  question: `Question number ${i} about the mill?`,
  answer: `Answer ${i} [1]. ${long("detail").slice(0, 400)}`,
}));

function promptTokens(messages: ReadonlyArray<{ content?: unknown }>): number {
  return messages.reduce((sum, m) => sum + countTokens(String(m.content ?? "")) + 4, 0);
}

describe("buildAnswerPrompt", () => {
  it("fits the context window: recent history, older questions summarised, passages in rank order", () => {
    const prompt = buildAnswerPrompt({
      question: "And later?",
      standaloneQuestion: "And later? acme mill",
      passages,
      history,
      limits: { contextWindow: 4096, maxOutputTokens: 4096 },
    });
    expect(prompt.maxTokens).toBe(1024);
    expect(promptTokens(prompt.messages) + prompt.maxTokens).toBeLessThanOrEqual(4096);
    // Rank order: the best passages that fit, not all of them.
    const included = [...prompt.included];
    expect(included.length).toBeGreaterThanOrEqual(2);
    expect(included.length).toBeLessThan(passages.length);
    expect(included).toEqual(included.map((_, i) => i + 1));
    const user = String(prompt.messages.at(-1)?.content);
    expect(user).toContain("[1] (document: document-1.txt)");
    expect(user).toContain("Question: And later?\n(As a standalone question: And later? acme mill)");
    const earlier = prompt.messages.find((m) => String(m.content).startsWith("Earlier questions"));
    expect(earlier).toBeDefined();
    expect(prompt.messages.some((m) => String(m.content).includes("Question number 11"))).toBe(true);
  });

  it("names each passage's document by file name and, where it has one, title", () => {
    const prompt = buildAnswerPrompt({
      question: "When did the branch open?",
      standaloneQuestion: "When did the branch open?",
      passages: [
        numberedPassage(1, "The Fernhill Branch opened on October 14, 2022.", {
          document_name: "report.pdf",
          document_title: "Meridian County Public Library: Annual Report",
          page: 3,
        }),
      ],
      history: [],
      limits: { contextWindow: 4096, maxOutputTokens: 512 },
    });
    expect(String(prompt.messages.at(-1)?.content)).toContain(
      "[1] (document: report.pdf, title: Meridian County Public Library: Annual Report, page 3)",
    );
  });

  it("cuts the first passage rather than sending none", () => {
    const prompt = buildAnswerPrompt({
      question: "What?",
      standaloneQuestion: "What?",
      passages: [numberedPassage(1, long("first")), ...passages.slice(1)],
      history: [],
      limits: { contextWindow: 1024, maxOutputTokens: 256 },
    });
    expect([...prompt.included]).toEqual([1]);
    expect(promptTokens(prompt.messages) + prompt.maxTokens).toBeLessThanOrEqual(1024);
  });
});
