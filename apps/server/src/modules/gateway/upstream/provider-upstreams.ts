import { LocalUpstream } from "./local/local-upstream.js";
import { UpstreamClient, type UpstreamRequest, type UpstreamResponse } from "./upstream-client.js";

/**
 * Every provider behind one `send`: HTTP providers over undici, `local` ones in-process. The
 * local upstream answers in the OpenAI wire format, so routing, retries, fallback, metering,
 * guardrails and translation to Anthropic treat it like any OpenAI-compatible server.
 */
export class Upstreams {
  constructor(
    private readonly http: UpstreamClient = new UpstreamClient(),
    private readonly local: LocalUpstream = new LocalUpstream(),
  ) {}

  send(request: UpstreamRequest): Promise<UpstreamResponse> {
    switch (request.provider.type) {
      case "openai":
      case "anthropic":
      case "openai_compatible":
        return this.http.send(request);
      case "local":
        return this.local.send(request);
    }
  }

  /** Closes HTTP connections and disposes loaded models. */
  async close(): Promise<void> {
    await Promise.all([this.http.close(), this.local.close()]);
  }
}
