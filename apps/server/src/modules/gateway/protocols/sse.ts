/**
 * Server-sent events (html.spec.whatwg.org "event stream interpretation"): a parser over a byte
 * stream that may split lines, CRLF pairs and UTF-8 characters anywhere, and the writer of the exact
 * bytes both protocols use (OpenAI: `data:` lines and a `data: [DONE]` terminator; Anthropic: an
 * `event:` line naming each event, then its `data:` line).
 */

export interface SseMessage {
  /** The `event:` field; absent for OpenAI streams. */
  event?: string;
  /** The `data:` lines joined by "\n". */
  data: string;
}

/** The literal payload that ends an OpenAI stream. */
export const OPENAI_DONE_DATA = "[DONE]";

/** The bytes that end an OpenAI stream. */
export const OPENAI_DONE_SSE = "data: [DONE]\n\n";

const LF = 10;
const CR = 13;

/** One event being assembled from its field lines. */
class EventBuilder {
  private event: string | undefined;
  private data: string | undefined;

  /** Applies one line; returns the finished message when the line is the blank separator. */
  line(line: string): SseMessage | undefined {
    if (line === "") return this.dispatch();
    if (line.charCodeAt(0) === 58 /* ":" — a comment, e.g. a keep-alive */) return undefined;
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? "" : line.slice(colon + 1);
    if (value.charCodeAt(0) === 32 /* one leading space is not part of the value */) value = value.slice(1);
    if (field === "data") this.data = this.data === undefined ? value : `${this.data}\n${value}`;
    else if (field === "event") this.event = value;
    // `id` and `retry` steer browser reconnection; a proxy reading one response has no use for them.
    return undefined;
  }

  /** Per the spec an event without data lines is dropped, and the event name resets either way. */
  dispatch(): SseMessage | undefined {
    const { event, data } = this;
    this.event = undefined;
    this.data = undefined;
    if (data === undefined) return undefined;
    return event === undefined || event === "" ? { data } : { event, data };
  }
}

/**
 * Parses an SSE body. Lines end in LF, CRLF or CR, split across reads or not. When the body ends
 * after a complete line but before the blank line that closes the event, the event is still given
 * (some servers end that way); an unterminated last line is dropped, as it may be cut short.
 */
export async function* parseSse(
  body: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
): AsyncIterable<SseMessage> {
  const decoder = new TextDecoder();
  const builder = new EventBuilder();
  let buffer = "";
  // Where the scan resumes: the carried-over partial line was already searched for line ends.
  let scanFrom = 0;
  for await (const chunk of body) {
    buffer += typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    let start = 0;
    let i = scanFrom;
    // Most streams end their lines in LF alone: then indexOf finds each line end far faster than a
    // scan of every character. A CR anywhere in the unscanned part takes the full scan below.
    if (buffer.indexOf("\r", i) === -1) {
      for (let lf = buffer.indexOf("\n", i); lf !== -1; lf = buffer.indexOf("\n", start)) {
        const message = builder.line(buffer.slice(start, lf));
        start = lf + 1;
        if (message !== undefined) yield message;
      }
      i = buffer.length;
    }
    for (; i < buffer.length; i += 1) {
      const code = buffer.charCodeAt(i);
      if (code !== LF && code !== CR) continue;
      // A CR at the end of the buffer may be the first half of a CRLF split across reads.
      if (code === CR && i === buffer.length - 1) break;
      const message = builder.line(buffer.slice(start, i));
      if (code === CR && buffer.charCodeAt(i + 1) === LF) i += 1;
      start = i + 1;
      if (message !== undefined) yield message;
    }
    buffer = start === 0 ? buffer : buffer.slice(start);
    scanFrom = i - start;
  }
  buffer += decoder.decode();
  if (buffer.endsWith("\r")) {
    const message = builder.line(buffer.slice(0, -1));
    if (message !== undefined) yield message;
  }
  const last = builder.dispatch();
  if (last !== undefined) yield last;
}

/**
 * The bytes of one event. Objects are JSON-encoded (one line); strings are sent as they are, one
 * `data:` line per line of text.
 */
export function formatSse(data: string | object, event?: string): string {
  const text = typeof data === "string" ? data : JSON.stringify(data);
  const head = event === undefined ? "" : `event: ${event}\n`;
  if (!text.includes("\n") && !text.includes("\r")) return `${head}data: ${text}\n\n`;
  return `${head}${text
    .split(/\r\n|\r|\n/)
    .map((line) => `data: ${line}`)
    .join("\n")}\n\n`;
}

/** An Anthropic stream event: the `event:` line repeats the payload's `type`, as Anthropic does. */
export function formatAnthropicSse(event: { type: string }): string {
  return formatSse(event, event.type);
}
