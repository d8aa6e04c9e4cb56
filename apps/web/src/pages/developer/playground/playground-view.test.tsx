import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { json, type RecordedCall, renderWithQuery, stubFetch } from "../../../testing/component-test-utils";
import { PlaygroundView } from "./playground-view";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function sse(frames: string[], headers: Record<string, string> = {}): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const frame of frames) controller.enqueue(encoder.encode(`data: ${frame}\n\n`));
      controller.close();
    },
  });
  return new Response(body, { headers: { "content-type": "text/event-stream", ...headers } });
}

const models = {
  object: "list",
  data: [{ id: "fast", object: "model", created: 1, owned_by: "openai-main" }],
};

const streamed = [
  JSON.stringify({ model: "fast", choices: [{ index: 0, delta: { content: "Hi " } }] }),
  JSON.stringify({
    model: "fast",
    choices: [{ index: 0, delta: { content: "there" }, finish_reason: "stop" }],
  }),
  JSON.stringify({
    model: "fast",
    choices: [],
    usage: { prompt_tokens: 12, completion_tokens: 2, total_tokens: 14 },
    router_metadata: {
      provider: "backup",
      model: "gpt-4o-mini-2024",
      actual_cost: 0.000123,
      attempt_count: 2,
      failed_providers: ["primary"],
      fallback_used: true,
      routing_reason: ["Specific model requested: fast"],
    },
  }),
  "[DONE]",
];

function renderPlayground(chat: (call: RecordedCall) => Response) {
  const calls = stubFetch((call) => {
    if (call.url === "/v1/models") return json(models);
    if (call.url === "/v1/chat/completions") return chat(call);
    return undefined;
  });
  renderWithQuery(<PlaygroundView spaceId="space_1" />);
  return calls;
}

async function fillAndSend(message = "Hello?") {
  await screen.findByRole("option", { name: "fast (openai-main)" });
  fireEvent.change(screen.getByLabelText("Model"), { target: { value: "fast" } });
  fireEvent.change(screen.getByLabelText("Message"), { target: { value: message } });
  fireEvent.click(screen.getByRole("button", { name: "Send" }));
}

describe("PlaygroundView", () => {
  it("streams the answer and shows route, fallback, tokens, cost and overhead", async () => {
    const calls = renderPlayground(() =>
      sse(streamed, { "x-tributary-overhead-ms": "3.250", "x-request-id": "req_1" }),
    );
    await fillAndSend();
    await waitFor(() => expect(screen.getByTestId("playground-output").textContent).toBe("Hi there"));
    const metadata = await screen.findByTestId("playground-metadata");
    await waitFor(() => expect(screen.getByTestId("meta-provider").textContent).toBe("backup"));
    expect(screen.getByTestId("meta-model").textContent).toBe("gpt-4o-mini-2024");
    expect(screen.getByTestId("meta-total-tokens").textContent).toBe("14");
    expect(screen.getByTestId("meta-cost").textContent).toBe("$0.000123");
    expect(screen.getByTestId("meta-overhead").textContent).toBe("3.3 ms");
    expect(metadata.textContent).toContain("Used after primary");

    const chat = calls.find((call) => call.url === "/v1/chat/completions");
    expect(chat?.headers["x-space-id"]).toBe("space_1");
    expect(chat?.body).toMatchObject({
      model: "fast",
      stream: true,
      stream_options: { include_usage: true },
      messages: [{ role: "user", content: "Hello?" }],
      temperature: 0.7,
      max_tokens: 512,
    });
  });

  it("sends a pasted API key as the bearer instead of the session", async () => {
    const calls = renderPlayground(() => sse(streamed));
    fireEvent.change(screen.getByLabelText("Use API key (optional)"), {
      target: { value: "trk_abc_secret" },
    });
    await fillAndSend();
    await screen.findByText("Complete");
    const chat = calls.find((call) => call.url === "/v1/chat/completions");
    expect(chat?.headers.authorization).toBe("Bearer trk_abc_secret");
  });

  it("shows the message of the gateway's error envelope", async () => {
    renderPlayground(() =>
      json(
        {
          error: {
            message: "Rate limit of 1 requests per minute exceeded for this API key",
            type: "rate_limit_error",
            code: "rate_limit_exceeded",
          },
        },
        429,
      ),
    );
    await fillAndSend();
    expect(
      await screen.findByText("Rate limit of 1 requests per minute exceeded for this API key"),
    ).toBeTruthy();
    expect(screen.getByText(/wait a moment/)).toBeTruthy();
  });

  it("says a refused key is about the key, not about signing in", async () => {
    renderPlayground(() =>
      json(
        {
          error: {
            message: "Invalid or missing API key",
            type: "authentication_error",
            code: "invalid_api_key",
          },
        },
        401,
      ),
    );
    fireEvent.change(screen.getByLabelText("Use API key (optional)"), { target: { value: "trk_revoked" } });
    await fillAndSend();
    expect(await screen.findByText("Invalid or missing API key")).toBeTruthy();
    expect(screen.getByText(/Check the API key/)).toBeTruthy();
    expect(screen.queryByText(/Sign in again/)).toBeNull();
  });

  it("asks for a model and a message before sending", async () => {
    const calls = renderPlayground(() => sse(streamed));
    await screen.findByRole("option", { name: "fast (openai-main)" });
    fireEvent.click(screen.getByRole("button", { name: "Send" }));
    expect(screen.getByText("Choose a model")).toBeTruthy();
    expect(screen.getByText("Write a message to send")).toBeTruthy();
    expect(calls.some((call) => call.url === "/v1/chat/completions")).toBe(false);
  });

  it("stops a stream and keeps what arrived", async () => {
    let push: ((frame: string) => void) | undefined;
    renderPlayground((call) => {
      const encoder = new TextEncoder();
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          push = (frame) => controller.enqueue(encoder.encode(`data: ${frame}\n\n`));
          call.signal?.addEventListener("abort", () =>
            controller.error(new DOMException("aborted", "AbortError")),
          );
        },
      });
      return new Response(body, { headers: { "content-type": "text/event-stream" } });
    });
    await fillAndSend();
    await waitFor(() => expect(push).toBeDefined());
    push?.(streamed[0] as string);
    await waitFor(() => expect(screen.getByTestId("playground-output").textContent).toBe("Hi "));
    fireEvent.click(screen.getByRole("button", { name: "Stop" }));
    expect(await screen.findByText(/Stopped/)).toBeTruthy();
    expect(screen.getByTestId("playground-output").textContent).toBe("Hi ");
  });
});
