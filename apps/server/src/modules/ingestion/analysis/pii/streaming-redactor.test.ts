import { describe, expect, it } from "vitest";
import { detectPii } from "./detect-pii.js";
import type { DetectPiiOptions } from "./detection-plan.js";
import { PLANTED_PII_TEXT, PLANTED_VALUES, randomChunks, seededRandom } from "./planted-pii-fixture.js";
import type { RedactionStyle } from "./redact-pii.js";
import { redactPii } from "./redact-pii.js";
import type { StreamingRedactor } from "./streaming-redactor.js";
import { createStreamingRedactor } from "./streaming-redactor.js";
import { summarizePii } from "./summarize-pii.js";
import type { PiiEntityType } from "./types.js";
import { PII_ENTITY_TYPES } from "./types.js";

const PATTERN_TYPES: PiiEntityType[] = PII_ENTITY_TYPES.filter(
  (type) => type !== "PERSON" && type !== "LOCATION",
);

function streamAll(redactor: StreamingRedactor, chunks: readonly string[]): string {
  let output = "";
  for (const chunk of chunks) output += redactor.push(chunk);
  return output + redactor.flush();
}

function batchRedacted(text: string, options: DetectPiiOptions, style: RedactionStyle = "tag"): string {
  return redactPii(text, detectPii(text, options), style).text;
}

/** Random text built from fragments of PII and near-PII, to hit boundaries and partial matches. */
function fuzzText(random: () => number, pieces: number): string {
  const fragments = [
    "4111",
    " ",
    "-",
    "1111",
    "536",
    "22",
    "8192",
    "@",
    "jane.doe",
    "example.com",
    ".",
    ", ",
    "GB82",
    "WEST",
    "1234 5698 7654 32",
    "192.168.",
    "10.24",
    "::",
    "fe80",
    ":",
    "2001:db8",
    "(415) ",
    "555",
    "0132",
    "+44 20 7946 0958",
    "SSN ",
    "tel ",
    "Maria Garcia",
    " lives in ",
    "Paris",
    ". ",
    "\n",
    "the ",
    "Dr. ",
    "0",
    "9",
    "x",
  ];
  let text = "";
  for (let i = 0; i < pieces; i++) text += fragments[Math.floor(random() * fragments.length)] ?? "";
  return text;
}

describe("streaming redactor (policy redact)", () => {
  it("equals batch redaction of the planted text for random chunkings (all entities)", () => {
    const expected = batchRedacted(PLANTED_PII_TEXT, {});
    for (let seed = 1; seed <= 30; seed++) {
      const random = seededRandom(seed);
      const chunks = randomChunks(PLANTED_PII_TEXT, random, 1 + Math.floor(random() * 40));
      expect(streamAll(createStreamingRedactor({ policy: "redact" }), chunks), `seed ${seed}`).toBe(expected);
    }
  });

  it("equals batch redaction on fuzzed text for random chunkings (pattern entities)", () => {
    const options = { entities: PATTERN_TYPES };
    for (let seed = 1; seed <= 300; seed++) {
      const random = seededRandom(seed);
      const text = fuzzText(random, 60);
      const chunks = randomChunks(text, random, 1 + Math.floor(random() * 24));
      const streamed = streamAll(createStreamingRedactor({ policy: "redact", ...options }), chunks);
      expect(streamed, `seed ${seed}: ${JSON.stringify(text)}`).toBe(batchRedacted(text, options));
    }
  });

  it("equals batch redaction on fuzzed text with NER and the mask style", () => {
    for (let seed = 1; seed <= 25; seed++) {
      const random = seededRandom(1000 + seed);
      const text = fuzzText(random, 50);
      const chunks = randomChunks(text, random, 1 + Math.floor(random() * 16));
      const streamed = streamAll(createStreamingRedactor({ policy: "redact", style: "mask" }), chunks);
      expect(streamed, `seed ${seed}: ${JSON.stringify(text)}`).toBe(batchRedacted(text, {}, "mask"));
    }
  });

  it("reports the same findings and counts as detectPii", () => {
    const redactor = createStreamingRedactor({ policy: "redact" });
    streamAll(redactor, randomChunks(PLANTED_PII_TEXT, seededRandom(7), 9));
    expect(redactor.findings()).toEqual(detectPii(PLANTED_PII_TEXT));
    expect(redactor.summary()).toEqual(summarizePii(detectPii(PLANTED_PII_TEXT)));
    for (const [type] of PLANTED_VALUES) expect(redactor.summary().counts[type]).toBeGreaterThan(0);
  });

  it("emits ordinary prose at once and holds back only a bounded tail", () => {
    const redactor = createStreamingRedactor({ policy: "redact", entities: PATTERN_TYPES });
    expect(redactor.push("Hello world, nothing to see here. ")).toBe("Hello world, nothing to see here");
    expect(redactor.heldBack).toBeLessThanOrEqual(2);
    // A growing digit run is held back while it could still become a card number...
    expect(redactor.push("Card 4111 1111")).toBe(". Card");
    expect(redactor.push(" 1111 1111 ")).toBe("");
    // ...and released, redacted, once it cannot grow any more.
    expect(redactor.push("thanks")).toBe(" [REDACTED:CREDIT_CARD] ");
    expect(redactor.flush()).toBe("thanks");
  });

  it("never holds back more than a recognizer's reach", () => {
    const redactor = createStreamingRedactor({ policy: "redact", entities: PATTERN_TYPES });
    for (let i = 0; i < 200; i++) {
      redactor.push("1 2 3 ");
      expect(redactor.heldBack).toBeLessThanOrEqual(64 + 2 + 64);
    }
    const withNer = createStreamingRedactor({ policy: "redact" });
    for (let i = 0; i < 200; i++) {
      withNer.push("and so on ");
      expect(withNer.heldBack).toBeLessThanOrEqual(256 + 1);
    }
  });

  it("rejects push after flush", () => {
    const redactor = createStreamingRedactor({ policy: "redact" });
    redactor.flush();
    expect(() => redactor.push("more")).toThrow(/after flush/);
  });
});

describe("streaming redactor (other policies)", () => {
  it("detect passes text through unchanged and counts findings", () => {
    const redactor = createStreamingRedactor({ policy: "detect" });
    const chunks = randomChunks(PLANTED_PII_TEXT, seededRandom(3), 12);
    for (const chunk of chunks) expect(redactor.push(chunk)).toBe(chunk);
    expect(redactor.flush()).toBe("");
    expect(redactor.summary()).toEqual(summarizePii(detectPii(PLANTED_PII_TEXT)));
  });

  it("off passes text through and scans nothing", () => {
    const redactor = createStreamingRedactor({ policy: "off" });
    expect(streamAll(redactor, [PLANTED_PII_TEXT])).toBe(PLANTED_PII_TEXT);
    expect(redactor.summary().pii_detected).toBe(false);
  });

  it("block emits text up to the first finding, then nothing", () => {
    const redactor = createStreamingRedactor({ policy: "block", entities: PATTERN_TYPES });
    const text = "Your account is ready. Call (415) 555-0132 or mail jane.doe@example.com.";
    let output = "";
    for (const chunk of randomChunks(text, seededRandom(11), 5)) output += redactor.push(chunk);
    expect(output).toBe("Your account is ready. Call ");
    expect(redactor.blocked).toBe(true);
    expect(redactor.push("more text")).toBe("");
    expect(redactor.flush()).toBe("");
    expect(redactor.summary().pii_detected).toBe(true);
  });
});
