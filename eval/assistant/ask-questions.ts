import { type AssistantReply, parseQueryReply, parseSearchReply } from "./assistant-reply.js";
import type { EvalQuestion } from "./corpus-manifest.js";
import { questionsWithChunkedGold } from "./gold-chunked.js";
import {
  failedQuestion,
  type KnownChunk,
  type QuestionOutcome,
  recallDepth,
  scoreQuestion,
} from "./score-question.js";
import { type EvalAccount, postQuery, postSearch, type RawReply } from "./tributary-client.js";

/** Which route answers: the assistant, space search only (recall), or neither. */
export type Endpoint = "query" | "search" | "none";

function isMissingRoute(reply: RawReply): boolean {
  if (reply.status !== 404) return false;
  const code = (reply.body as { error?: { code?: unknown } } | undefined)?.error?.code;
  return code === undefined || code === "ROUTE_NOT_FOUND";
}

function ask(
  account: EvalAccount,
  endpoint: "query" | "search",
  question: string,
  extra: Record<string, unknown>,
) {
  return endpoint === "query"
    ? postQuery(account, { question, stream: false, ...extra })
    : postSearch(account, { query: question, top_k: recallDepth, ...extra });
}

/** Probes /query, then /search, with the first question. */
export async function chooseEndpoint(
  account: EvalAccount,
  questions: readonly EvalQuestion[],
  extra: Record<string, unknown>,
): Promise<Endpoint> {
  const probe = questions[0]?.question ?? "What is this corpus about?";
  if (!isMissingRoute(await ask(account, "query", probe, extra))) return "query";
  const search = await ask(account, "search", probe, extra);
  return isMissingRoute(search) ? "none" : "search";
}

function describeFailure(reply: RawReply): string {
  const body = typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body);
  return `HTTP ${reply.status}: ${body.slice(0, 400)}`;
}

/** Asks each question in turn (steady latencies on a small machine) and scores the reply. */
export async function askEveryQuestion(
  account: EvalAccount,
  questions: readonly EvalQuestion[],
  chunks: ReadonlyMap<string, KnownChunk>,
  endpoint: "query" | "search",
  extra: Record<string, unknown>,
): Promise<QuestionOutcome[]> {
  const chunkedGold = questionsWithChunkedGold(questions, chunks);
  const outcomes: QuestionOutcome[] = [];
  for (const [index, question] of questions.entries()) {
    const reply = await ask(account, endpoint, question.question, extra);
    if (reply.status !== 200) {
      outcomes.push(failedQuestion(question, describeFailure(reply), reply.elapsedMs));
      continue;
    }
    let parsed: AssistantReply;
    try {
      parsed = endpoint === "query" ? parseQueryReply(reply.body) : parseSearchReply(reply.body);
    } catch (error) {
      outcomes.push(
        failedQuestion(question, `unexpected reply shape: ${String(error).slice(0, 400)}`, reply.elapsedMs),
      );
      continue;
    }
    const goldChunked = question.answerable ? chunkedGold.has(question.id) : null;
    outcomes.push(scoreQuestion(question, parsed, chunks, reply.elapsedMs, goldChunked));
    if ((index + 1) % 20 === 0) console.info(`  asked ${index + 1}/${questions.length}`);
  }
  return outcomes;
}
