import { describe, expect, it } from "vitest";
import { exampleForSchema } from "./json-schema.js";
import { countPromptTokens, countTokens, splitTokens, truncateTokens } from "./tokens.js";

describe("fake-llm: deterministic tokens and schema examples", () => {
  it("counts words and punctuation as tokens and splits losslessly", () => {
    expect(countTokens("Hello, world!")).toBe(4);
    expect(countTokens("  ")).toBe(0);
    const text = '  {"city": "Paris"}  and more  ';
    expect(splitTokens(text).join("")).toBe(text);
    expect(splitTokens(text)).toHaveLength(countTokens(text));
    expect(truncateTokens("one two three", 2)).toBe("one two");
  });

  it("counts prompt text but not roles, ids or image payloads", () => {
    const messages = [
      {
        role: "user",
        content: [
          { type: "text", text: "Look" },
          { type: "image_url", image_url: { url: "data:x" } },
        ],
      },
      { role: "tool", tool_call_id: "call_1", content: "done" },
    ];
    expect(countPromptTokens(messages)).toBe(3 + (3 + 1) + (3 + 1));
  });

  it("builds values for nested schemas with refs, enums and nullable types", () => {
    const schema = {
      type: "object",
      properties: {
        kind: { enum: ["a", "b"] },
        count: { type: ["integer", "null"], minimum: 5 },
        child: { $ref: "#/$defs/child" },
      },
      required: ["kind", "count", "child"],
      $defs: { child: { type: "object", properties: { ok: { type: "boolean" } }, required: ["ok"] } },
    };
    expect(exampleForSchema(schema)).toEqual({ kind: "a", count: 5, child: { ok: true } });
  });
});
