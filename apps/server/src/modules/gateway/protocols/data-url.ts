/** `data:` URLs as OpenAI clients send images and files inline. */

export interface DataUrl {
  /** Lower-cased, e.g. `image/png`; `text/plain` when the URL names none (RFC 2397). */
  mediaType: string;
  /** The base64 payload, as it was (not decoded: upstreams want base64 too). */
  data: string;
}

/** Parses a base64 `data:` URL; undefined for anything else (percent-encoded data URLs included). */
export function parseBase64DataUrl(url: string): DataUrl | undefined {
  if (!url.startsWith("data:")) return undefined;
  const comma = url.indexOf(",");
  if (comma < 0) return undefined;
  const params = url.slice(5, comma).split(";");
  if (params.at(-1)?.trim().toLowerCase() !== "base64") return undefined;
  const mediaType = params.length > 1 ? (params[0] ?? "").trim().toLowerCase() : "";
  return { mediaType: mediaType === "" ? "text/plain" : mediaType, data: url.slice(comma + 1) };
}

export function toBase64DataUrl(mediaType: string, data: string): string {
  return `data:${mediaType};base64,${data}`;
}
