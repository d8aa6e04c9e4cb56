import { describe, expect, it } from "vitest";
import { mayNameEntities } from "./name-candidates.js";
import { findNamedEntities } from "./named-entities.js";
import { NamedEntityScanner } from "./named-entity-scanner.js";

const both = new Set(["PERSON", "LOCATION"] as const);

describe("named entities (compromise)", () => {
  it("finds people and places with exact offsets and low confidence", () => {
    const text = "Maria Garcia flew to Paris with John Smith.";
    const found = findNamedEntities(text, 100, both).map((f) => ({
      type: f.type,
      value: text.slice(f.start - 100, f.end - 100),
      confidence: f.confidence,
    }));
    expect(found).toEqual(
      expect.arrayContaining([
        { type: "PERSON", value: "Maria Garcia", confidence: 0.6 },
        { type: "PERSON", value: "John Smith", confidence: 0.6 },
        { type: "LOCATION", value: "Paris", confidence: 0.6 },
      ]),
    );
  });

  it("reports UTF-16 offsets, past accents and emoji", () => {
    const text = "Café 😀 naïve Zoë Müller flew to São Paulo.";
    const values = findNamedEntities(text, 0, both).map((f) => text.slice(f.start, f.end));
    expect(values).toEqual(expect.arrayContaining(["Zoë Müller", "São Paulo"]));
  });

  it("only runs for the requested types", () => {
    const found = findNamedEntities("Maria Garcia flew to Paris.", 0, new Set(["LOCATION"] as const));
    expect(found.map((f) => f.type)).toEqual(["LOCATION"]);
  });

  it("skips segments that cannot name anything", () => {
    expect(mayNameEntities("the team agreed to revisit the budget.")).toBe(false);
    expect(mayNameEntities("The team agreed to revisit the budget.")).toBe(false);
    expect(mayNameEntities("Paris is lovely.")).toBe(true);
    expect(mayNameEntities("We flew to Paris.")).toBe(true);
  });

  it("stops scanning once its character budget is spent", () => {
    // Segments are 28–29 characters; a 30-character budget covers whole segments up to 57.
    const text = "Maria Garcia lives in Paris. ".repeat(10);
    const scanner = new NamedEntityScanner(both, 30);
    const found = scanner.scan(text, 0, true);
    expect(found.every((f) => f.end <= 57)).toBe(true);
    expect(found.length).toBeGreaterThan(0);
    expect(scanner.position).toBe(text.length);
  });
});
