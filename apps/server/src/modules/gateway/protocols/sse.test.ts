import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatAnthropicSse, formatSse, OPENAI_DONE_SSE, parseSse, type SseMessage } from "./sse.js";
import {
  type FakeLlm,
  replyText,
  replyToolCalls,
  startFakeLlm,
  streamBytes,
} from "./testing/fake-upstream.js";

const encoder = new TextEncoder();

async function* inPieces(bytes: Uint8Array, size: number): AsyncIterable<Uint8Array> {
  for (let offset = 0; offset < bytes.length; offset += size) yield bytes.slice(offset, offset + size);
}

/** Cuts at varying sizes (1, 2, 3, 5, 8, 13…) so splits land everywhere. */
async function* inOddPieces(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  const sizes = [1, 2, 3, 5, 8, 13, 21, 34];
  let offset = 0;
  for (let turn = 0; offset < bytes.length; turn += 1) {
    const size = sizes[turn % sizes.length] ?? 1;
    yield bytes.slice(offset, offset + size);
    offset += size;
  }
}

async function collect(source: AsyncIterable<Uint8Array | string> | Iterable<string>): Promise<SseMessage[]> {
  const messages: SseMessage[] = [];
  for await (const message of parseSse(source)) messages.push(message);
  return messages;
}

async function parseText(text: string, size?: number): Promise<SseMessage[]> {
  const bytes = encoder.encode(text);
  return collect(size === undefined ? inPieces(bytes, bytes.length || 1) : inPieces(bytes, size));
}

describe("parseSse", () => {
  const openAiStream =
    'data: {"id":"a","choices":[{"delta":{"content":"héllo 👋"}}]}\n\n' +
    ": keep-alive comment\n\n" +
    'data: {"id":"a","choices":[]}\n\n' +
    OPENAI_DONE_SSE;
  const expected: SseMessage[] = [
    { data: '{"id":"a","choices":[{"delta":{"content":"héllo 👋"}}]}' },
    { data: '{"id":"a","choices":[]}' },
    { data: "[DONE]" },
  ];

  it("reads data-only events and ignores comments", async () => {
    expect(await parseText(openAiStream)).toEqual(expected);
  });

  it("gives the same events fed byte by byte (multi-byte characters split) and in odd chunk sizes", async () => {
    const bytes = encoder.encode(openAiStream);
    expect(await collect(inPieces(bytes, 1))).toEqual(expected);
    for (const size of [2, 3, 7, 11]) expect(await collect(inPieces(bytes, size))).toEqual(expected);
    expect(await collect(inOddPieces(bytes))).toEqual(expected);
  });

  it("accepts CRLF and lone CR line endings, a CRLF split across reads included", async () => {
    const crlf = "event: ping\r\ndata: {}\r\n\r\nevent: message_stop\r\ndata: 1\r\n\r\n";
    const want = [
      { event: "ping", data: "{}" },
      { event: "message_stop", data: "1" },
    ];
    expect(await parseText(crlf)).toEqual(want);
    expect(await parseText(crlf, 1)).toEqual(want);
    expect(await parseText(crlf.replaceAll("\r\n", "\r"), 1)).toEqual(want);
    // A CR ending one read and its LF starting the next must not make an extra (blank) line.
    expect(await collect(["data: a\r", "\ndata: b\r", "\n\r", "\n"])).toEqual([{ data: "a\nb" }]);
  });

  it("reads a stream whose line endings change from LF to CR or CRLF and back, across reads", async () => {
    const reads = ["data: 1\n\ndata: 2", "\r\n\r", "\ndata: 3\n", "\ndata: 4\r\rdata: 5\n\n"];
    expect(await collect(reads)).toEqual([
      { data: "1" },
      { data: "2" },
      { data: "3" },
      { data: "4" },
      { data: "5" },
    ]);
    expect(await parseText(reads.join(""), 3)).toEqual(await collect(reads));
  });

  it("joins multi-line data, strips one leading space only, and takes fields without a colon", async () => {
    const text = "data: line 1\ndata:line 2\ndata:  indented\ndata\n\n";
    expect(await parseText(text, 4)).toEqual([{ data: "line 1\nline 2\n indented\n" }]);
  });

  it("drops events without data and resets the event name after each event", async () => {
    const text = "event: lonely\n\nevent: named\ndata: x\n\ndata: y\n\nid: 7\nretry: 10\ndata: z\n\n";
    expect(await parseText(text)).toEqual([{ event: "named", data: "x" }, { data: "y" }, { data: "z" }]);
  });

  it("gives a last event missing its blank line but drops a last line cut short", async () => {
    expect(await parseText("data: a\n\ndata: complete\n")).toEqual([{ data: "a" }, { data: "complete" }]);
    expect(await parseText('data: a\n\ndata: {"cut')).toEqual([{ data: "a" }]);
    expect(await parseText("data: a\n\ndata: b\r")).toEqual([{ data: "a" }, { data: "b" }]);
  });

  it("reads string chunks too", async () => {
    expect(await collect(["da", "ta: 1\n", "\n"])).toEqual([{ data: "1" }]);
  });
});

describe("formatSse", () => {
  it("writes the exact bytes of both protocols", () => {
    expect(formatSse({ a: 1 })).toBe('data: {"a":1}\n\n');
    expect(formatSse("[DONE]")).toBe(OPENAI_DONE_SSE);
    expect(formatSse({ type: "ping" }, "ping")).toBe('event: ping\ndata: {"type":"ping"}\n\n');
    expect(formatAnthropicSse({ type: "message_stop" })).toBe(
      'event: message_stop\ndata: {"type":"message_stop"}\n\n',
    );
  });

  it("splits a text payload into one data line per line, which the parser joins back", async () => {
    expect(formatSse("a\nb\r\nc")).toBe("data: a\ndata: b\ndata: c\n\n");
    expect(await parseText(formatSse("a\nb", "x"), 1)).toEqual([{ event: "x", data: "a\nb" }]);
  });
});

describe("parseSse on real upstream bytes", () => {
  let fake: FakeLlm;
  beforeAll(async () => {
    fake = await startFakeLlm();
  });
  afterAll(() => fake.close());

  it("parses the fake's OpenAI and Anthropic streams identically whole and in odd pieces", async () => {
    fake.enqueue(
      replyText("Héllo, wörld! 🌍 Ünïcode everywhere."),
      replyToolCalls([{ name: "f", arguments: '{"x":"ü"}' }]),
    );
    const openAi = await streamBytes(fake.url, "openai", {
      model: "gpt-x",
      stream: true,
      stream_options: { include_usage: true },
      messages: [{ role: "user", content: "hi" }],
    });
    const anthropic = await streamBytes(fake.url, "anthropic", {
      model: "claude-x",
      max_tokens: 100,
      stream: true,
      messages: [{ role: "user", content: "hi" }],
    });
    for (const bytes of [openAi, anthropic]) {
      const whole = await collect(inPieces(bytes, bytes.length));
      expect(whole.length).toBeGreaterThan(5);
      expect(await collect(inPieces(bytes, 1))).toEqual(whole);
      expect(await collect(inOddPieces(bytes))).toEqual(whole);
      // Re-encoding each message reproduces the upstream's bytes exactly.
      expect(whole.map((message) => formatSse(message.data, message.event)).join("")).toBe(
        new TextDecoder().decode(bytes),
      );
    }
  });
});
