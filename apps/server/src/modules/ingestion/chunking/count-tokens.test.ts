import { describe, expect, it } from "vitest";
import { countTokens } from "./count-tokens.js";

describe("countTokens", () => {
  it("counts o200k_base tokens", () => {
    expect(countTokens("")).toBe(0);
    expect(countTokens("Hello world!")).toBe(3);
  });

  it("counts special-token strings in documents as plain text instead of throwing", () => {
    expect(countTokens("see <|endoftext|> here")).toBeGreaterThan(3);
  });
});
