import { describe, expect, it } from "vitest";
import { appendJsonMember } from "./json-splice.js";

describe("appendJsonMember", () => {
  it("adds the member after the last one and keeps the rest byte for byte", () => {
    const text = '{"id":"x","n":1.50,"s":"caf\\u00e9"}';
    const spliced = appendJsonMember(text, "router_metadata", { attempt_count: 1 });
    expect(spliced).toBe('{"id":"x","n":1.50,"s":"caf\\u00e9","router_metadata":{"attempt_count":1}}');
    expect(JSON.parse(spliced ?? "")).toEqual({
      id: "x",
      n: 1.5,
      s: "café",
      router_metadata: { attempt_count: 1 },
    });
  });

  it("handles pretty-printed text, trailing whitespace and an empty object", () => {
    expect(JSON.parse(appendJsonMember('{\n  "a": [1, {}]\n}\r\n', "m", 2) ?? "")).toEqual({
      a: [1, {}],
      m: 2,
    });
    expect(appendJsonMember("{ \n }", "m", null)).toBe('{ \n "m":null}');
  });

  it("refuses text that does not end like an object", () => {
    expect(appendJsonMember("[1,2]", "m", 1)).toBeNull();
    expect(appendJsonMember("}", "m", 1)).toBeNull();
    expect(appendJsonMember("   ", "m", 1)).toBeNull();
  });
});
