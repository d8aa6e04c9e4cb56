/**
 * `npm run eval:assistant`: starts a fresh Tributary in this process, uploads the bundled corpus,
 * asks every question of questions.json through POST /api/v1/query, and reports retrieval
 * recall@5, citation precision and the correct not-found rate against their targets. The full
 * per-question outcome goes to eval/assistant/last-report.json. Exit code 0 whatever the metrics,
 * unless --strict (then 1 when a measured metric misses its target); 1 when the run itself fails.
 *
 * Options: --strict, --search-mode hybrid|vector|text, --min-score <0..1>, --top-k <1..50> (the
 * assistant's own default when absent; recall is always measured on the first 5 passages),
 * --report <file>.
 * Without EMBEDDING_* settings the bundled sentence encoder is used (EMBEDDING_PROVIDER=lexical for
 * the built-in word-hashing fallback); TRIBUTARY_PROVIDERS
 * (and EMBEDDING_*, ASSISTANT_*, SEARCH_*, CHUNK_*, GATEWAY_*) pass through to the instance.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { askEveryQuestion, chooseEndpoint } from "./ask-questions.js";
import { checkBundledEvalSet } from "./check-questions.js";
import { evalDir, loadEvalSet } from "./corpus-manifest.js";
import { evalEnvironment, startEvalInstance } from "./eval-instance.js";
import { computeMetrics, verdict } from "./eval-metrics.js";
import { ingestCorpus } from "./ingest-corpus.js";
import { formatReport } from "./print-report.js";
import { createEvalNotebook, registerEvalAccount } from "./tributary-client.js";

const { values: options } = parseArgs({
  options: {
    strict: { type: "boolean", default: false },
    "search-mode": { type: "string" },
    "min-score": { type: "string" },
    "top-k": { type: "string" },
    report: { type: "string", default: path.join(evalDir, "last-report.json") },
  },
});

function requestOptions(): Record<string, unknown> {
  const extra: Record<string, unknown> = {};
  const mode = options["search-mode"];
  if (mode !== undefined) {
    if (!["hybrid", "vector", "text"].includes(mode))
      throw new Error(`--search-mode ${mode}: hybrid, vector or text`);
    extra.search_mode = mode;
  }
  if (options["min-score"] !== undefined) {
    const minScore = Number(options["min-score"]);
    if (!(minScore >= 0 && minScore <= 1))
      throw new Error(`--min-score ${options["min-score"]}: a number from 0 to 1`);
    extra.min_score = minScore;
  }
  if (options["top-k"] !== undefined) {
    const topK = Number(options["top-k"]);
    if (!(Number.isInteger(topK) && topK >= 1 && topK <= 50))
      throw new Error(`--top-k ${options["top-k"]}: 1 to 50`);
    extra.top_k = topK;
  }
  return extra;
}

async function run(): Promise<number> {
  const check = await checkBundledEvalSet();
  if (check.problems.length > 0) {
    for (const problem of check.problems) console.error(`questions.json: ${problem}`);
    return 1;
  }
  const set = await loadEvalSet();
  const extra = requestOptions();
  const env = evalEnvironment(process.env);
  console.info("starting a fresh Tributary instance (PGlite, role all)...");
  const instance = await startEvalInstance(env);
  try {
    const account = await registerEvalAccount(instance.origin);
    const notebookId = await createEvalNotebook(account, "Assistant evaluation corpus");
    const corpus = await ingestCorpus(account, notebookId, set.documents);
    const endpoint = await chooseEndpoint(account, set.questions, extra);
    if (endpoint === "none") {
      console.error(
        "neither POST /api/v1/query nor POST /api/v1/search answers on this build: nothing to measure",
      );
      return 1;
    }
    if (endpoint === "search") {
      console.warn(
        "POST /api/v1/query is not available: measuring retrieval recall through POST /api/v1/search only",
      );
    }
    const outcomes = await askEveryQuestion(account, set.questions, corpus.chunks, endpoint, extra);
    const firstError = outcomes.find((outcome) => outcome.error !== null)?.error;
    if (firstError && outcomes.every((outcome) => outcome.error !== null)) {
      console.error(`every question failed; the first: ${firstError}`);
      return 1;
    }
    const metrics = computeMetrics(outcomes, endpoint === "query");
    const setup = [
      `embedder: ${env.EMBEDDING_PROVIDER ?? "configured through EMBEDDING_*"}; model providers: ${
        env.TRIBUTARY_PROVIDERS ? "TRIBUTARY_PROVIDERS set" : "none configured (extractive mode expected)"
      }`,
      `endpoint: POST /api/v1/${endpoint}; request options: ${JSON.stringify(extra)}`,
      `corpus: ${corpus.documents.filter((document) => document.status === "processed").length}/${
        corpus.documents.length
      } documents processed, ${corpus.chunks.size} chunks, in ${(corpus.ingestMs / 1000).toFixed(1)} s`,
      `questions: ${check.answerable} answerable, ${check.unanswerable} unanswerable`,
    ];
    console.info(formatReport(metrics, outcomes, setup));
    const report = {
      generated_at: new Date().toISOString(),
      setup,
      overlap_definition:
        "gold words covered by runs of >= 4 consecutive normalised words shared with the chunk; overlap when coverage >= 0.6 (eval/assistant/passage-overlap.ts)",
      targets: metrics.targets.map((metric) => ({ ...metric, result: verdict(metric) })),
      diagnostics: metrics.diagnostics,
      documents: corpus.documents,
      questions: outcomes,
    };
    await writeFile(options.report, `${JSON.stringify(report, null, 2)}\n`);
    console.info(`\nper-question details: ${path.relative(process.cwd(), options.report)}`);
    const missed = metrics.targets.some((metric) => verdict(metric) === "FAIL");
    return options.strict && missed ? 1 : 0;
  } finally {
    await instance.close();
  }
}

run().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
