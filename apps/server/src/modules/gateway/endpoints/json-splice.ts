/**
 * `text` (a JSON object's text) with one more member at its end, or null when `text` does not end
 * like an object. The text is not parsed: the caller has parsed it already and knows `name` is not
 * among its members. Everything else in it stays byte for byte as it was.
 */
export function appendJsonMember(text: string, name: string, value: unknown): string | null {
  const close = lastNonSpace(text, text.length - 1);
  if (close < 0 || text.charCodeAt(close) !== 0x7d /* } */) return null;
  const before = lastNonSpace(text, close - 1);
  if (before < 0) return null;
  const separator = text.charCodeAt(before) === 0x7b /* { */ ? "" : ",";
  return `${text.slice(0, close)}${separator}${JSON.stringify(name)}:${JSON.stringify(value)}}`;
}

function lastNonSpace(text: string, from: number): number {
  let index = from;
  while (index >= 0) {
    const code = text.charCodeAt(index);
    // JSON's whitespace: space, tab, line feed, carriage return.
    if (code !== 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) return index;
    index--;
  }
  return -1;
}
