import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type AnthropicErrorType,
  anthropicError,
  anthropicErrorObjectToOpenAi,
  anthropicErrorToOpenAi,
  anthropicErrorTypeForStatus,
  anthropicStatusForErrorType,
  type OpenAiErrorType,
  openAiError,
  openAiErrorObjectToAnthropic,
  openAiErrorToAnthropic,
  openAiErrorTypeForStatus,
  openAiStatusForErrorType,
  ProtocolTranslationError,
} from "./errors.js";
import { callUpstream, error, type FakeLlm, startFakeLlm } from "./testing/fake-upstream.js";

describe("status ↔ type tables", () => {
  it("follows the router spec for OpenAI and round-trips every type", () => {
    const table: Array<[number, OpenAiErrorType]> = [
      [400, "invalid_request_error"],
      [401, "authentication_error"],
      [403, "permission_error"],
      [404, "not_found_error"],
      [429, "rate_limit_error"],
      [500, "server_error"],
      [502, "provider_error"],
    ];
    for (const [status, type] of table) {
      expect(openAiErrorTypeForStatus(status)).toBe(type);
      expect(openAiStatusForErrorType(type)).toBe(status);
    }
    expect(openAiErrorTypeForStatus(413)).toBe("invalid_request_error");
    expect(openAiErrorTypeForStatus(503)).toBe("server_error");
  });

  it("follows Anthropic's documented errors and round-trips every type", () => {
    const table: Array<[number, AnthropicErrorType]> = [
      [400, "invalid_request_error"],
      [401, "authentication_error"],
      [402, "billing_error"],
      [403, "permission_error"],
      [404, "not_found_error"],
      [413, "request_too_large"],
      [429, "rate_limit_error"],
      [500, "api_error"],
      [504, "timeout_error"],
      [529, "overloaded_error"],
    ];
    for (const [status, type] of table) {
      expect(anthropicErrorTypeForStatus(status)).toBe(type);
      expect(anthropicStatusForErrorType(type)).toBe(status);
    }
    expect(anthropicErrorTypeForStatus(503)).toBe("overloaded_error");
    expect(anthropicErrorTypeForStatus(502)).toBe("api_error");
    expect(anthropicErrorTypeForStatus(422)).toBe("invalid_request_error");
  });
});

describe("error bodies", () => {
  it("builds OpenAI bodies with type, param and code defaults", () => {
    expect(openAiError(429, "slow down")).toEqual({
      error: { message: "slow down", type: "rate_limit_error", param: null, code: "rate_limit_exceeded" },
    });
    expect(openAiError(400, "Invalid model specified", { code: "invalid_model", param: "model" })).toEqual({
      error: {
        message: "Invalid model specified",
        type: "invalid_request_error",
        param: "model",
        code: "invalid_model",
      },
    });
    expect(openAiError(502, "Provider API error: boom").error.type).toBe("provider_error");
  });

  it("builds Anthropic bodies", () => {
    expect(anthropicError(529, "Overloaded")).toEqual({
      type: "error",
      error: { type: "overloaded_error", message: "Overloaded" },
      request_id: null,
    });
    expect(anthropicError(400, "bad", "invalid_request_error", "req_1").request_id).toBe("req_1");
  });

  it("renders a translation failure in either protocol, naming the param", () => {
    const failure = new ProtocolTranslationError(
      "tool call arguments are not valid JSON",
      "messages[1].tool_calls[0]",
    );
    expect(failure.status).toBe(400);
    expect(failure.toOpenAi()).toEqual({
      error: {
        message: "tool call arguments are not valid JSON",
        type: "invalid_request_error",
        param: "messages[1].tool_calls[0]",
        code: null,
      },
    });
    expect(failure.toAnthropic().error).toEqual({
      type: "invalid_request_error",
      message: "messages[1].tool_calls[0]: tool call arguments are not valid JSON",
    });
  });
});

describe("translating upstream errors", () => {
  it("turns Anthropic errors into OpenAI ones, 529 into 503, keeping the Anthropic type as code", () => {
    const overloaded = anthropicErrorToOpenAi(529, {
      type: "error",
      error: { type: "overloaded_error", message: "Overloaded" },
    });
    expect(overloaded).toEqual({
      status: 503,
      body: { error: { message: "Overloaded", type: "server_error", param: null, code: "overloaded_error" } },
    });
    const limited = anthropicErrorToOpenAi(429, {
      type: "error",
      error: { type: "rate_limit_error", message: "wait" },
    });
    expect(limited.body.error).toMatchObject({ type: "rate_limit_error", code: "rate_limit_exceeded" });
    const tooLarge = anthropicErrorToOpenAi(413, {
      type: "error",
      error: { type: "request_too_large", message: "big" },
    });
    expect(tooLarge).toMatchObject({
      status: 413,
      body: { error: { type: "invalid_request_error", code: "request_too_large" } },
    });
  });

  it("turns OpenAI errors into Anthropic ones by status (OpenAI's own types vary), 503 into 529", () => {
    expect(
      openAiErrorToAnthropic(429, { error: { message: "Rate limit reached", type: "requests" } }),
    ).toEqual({
      status: 429,
      body: {
        type: "error",
        error: { type: "rate_limit_error", message: "Rate limit reached" },
        request_id: null,
      },
    });
    expect(
      openAiErrorToAnthropic(503, { error: { message: "engine overloaded", type: "server_error" } }),
    ).toMatchObject({
      status: 529,
      body: { error: { type: "overloaded_error" } },
    });
    expect(
      openAiErrorToAnthropic(401, { error: { message: "bad key", type: "invalid_request_error" } }).body.error
        .type,
    ).toBe("authentication_error");
  });

  it("copes with bodies that are not the protocol's shape", () => {
    expect(anthropicErrorToOpenAi(502, "<html>Bad gateway</html>").body.error.message).toBe(
      "<html>Bad gateway</html>",
    );
    expect(openAiErrorToAnthropic(500, undefined).body.error.message).toBe(
      "Upstream request failed with status 500.",
    );
    expect(openAiErrorToAnthropic(400, { error: "plain string" }).body.error.message).toBe("plain string");
  });

  it("translates error objects found inside streams, where only the type says what happened", () => {
    expect(anthropicErrorObjectToOpenAi({ type: "overloaded_error", message: "Overloaded" })).toEqual({
      message: "Overloaded",
      type: "server_error",
      param: null,
      code: "overloaded_error",
    });
    expect(openAiErrorObjectToAnthropic({ message: "limit", type: "rate_limit_error" })).toEqual({
      type: "rate_limit_error",
      message: "limit",
    });
    expect(openAiErrorObjectToAnthropic({ message: "?", type: "weird" })).toEqual({
      type: "api_error",
      message: "?",
    });
  });

  describe("with the fake upstream's real error answers", () => {
    let fake: FakeLlm;
    beforeAll(async () => {
      fake = await startFakeLlm();
    });
    afterAll(() => fake.close());

    it("maps each protocol's answers for the usual statuses", async () => {
      const anthropicRequest = {
        model: "claude-x",
        max_tokens: 10,
        messages: [{ role: "user", content: "hi" }],
      };
      const openAiRequest = { model: "gpt-x", messages: [{ role: "user", content: "hi" }] };
      const cases: Array<[number, number, OpenAiErrorType, AnthropicErrorType]> = [
        [400, 400, "invalid_request_error", "invalid_request_error"],
        [401, 401, "authentication_error", "authentication_error"],
        [429, 429, "rate_limit_error", "rate_limit_error"],
        [500, 500, "server_error", "api_error"],
        [529, 503, "server_error", "overloaded_error"],
      ];
      for (const [status, openAiStatus, openAiType, anthropicType] of cases) {
        fake.enqueue(error(status));
        const fromAnthropic = await callUpstream(fake.url, "anthropic", anthropicRequest);
        const asOpenAi = anthropicErrorToOpenAi(fromAnthropic.status, fromAnthropic.body);
        expect(asOpenAi.status).toBe(openAiStatus);
        expect(asOpenAi.body.error.type).toBe(openAiType);
        expect(asOpenAi.body.error.message).toBe(
          (fromAnthropic.body as { error: { message: string } }).error.message,
        );

        fake.enqueue(error(openAiStatus));
        const fromOpenAi = await callUpstream(fake.url, "openai", openAiRequest);
        const asAnthropic = openAiErrorToAnthropic(fromOpenAi.status, fromOpenAi.body);
        expect(asAnthropic.status).toBe(status);
        expect(asAnthropic.body.error.type).toBe(anthropicType);
      }
    });
  });
});
