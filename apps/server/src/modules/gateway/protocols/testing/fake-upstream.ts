/** Test access to the fake upstream (`@tributary/fake-llm`) and raw calls to it. */
import { parseSse, type SseMessage } from "../sse.js";

export type { FakeLlm } from "@tributary/fake-llm";
export {
  echo,
  error,
  replyText,
  replyToolCalls,
  startFakeLlm,
} from "@tributary/fake-llm";

export type UpstreamProtocol = "openai" | "anthropic";

function upstreamRequest(baseUrl: string, protocol: UpstreamProtocol, body: unknown): Promise<Response> {
  const openAi = protocol === "openai";
  return fetch(`${baseUrl}${openAi ? "/v1/chat/completions" : "/v1/messages"}`, {
    method: "POST",
    headers: openAi
      ? { "content-type": "application/json", authorization: "Bearer sk-test" }
      : { "content-type": "application/json", "x-api-key": "sk-ant-test", "anthropic-version": "2023-06-01" },
    body: JSON.stringify(body),
  });
}

/** A non-stream call: the status and the parsed JSON body. */
export async function callUpstream(
  baseUrl: string,
  protocol: UpstreamProtocol,
  body: unknown,
): Promise<{ status: number; body: unknown }> {
  const response = await upstreamRequest(baseUrl, protocol, body);
  return { status: response.status, body: await response.json() };
}

/** The raw bytes of a streamed answer. */
export async function streamBytes(
  baseUrl: string,
  protocol: UpstreamProtocol,
  body: unknown,
): Promise<Uint8Array> {
  const response = await upstreamRequest(baseUrl, protocol, body);
  return new Uint8Array(await response.arrayBuffer());
}

/** A streamed answer, opened: the response (for its status) and its SSE messages as they come. */
export async function openStream(
  baseUrl: string,
  protocol: UpstreamProtocol,
  body: unknown,
): Promise<{ response: Response; messages: AsyncIterable<SseMessage> }> {
  const response = await upstreamRequest(baseUrl, protocol, body);
  const stream = response.body;
  if (stream === null) throw new Error("upstream answered without a body");
  return { response, messages: parseSse(stream) };
}

/** Every SSE message of a streamed answer. */
export async function streamMessages(
  baseUrl: string,
  protocol: UpstreamProtocol,
  body: unknown,
): Promise<SseMessage[]> {
  const { messages } = await openStream(baseUrl, protocol, body);
  const all: SseMessage[] = [];
  for await (const message of messages) all.push(message);
  return all;
}
