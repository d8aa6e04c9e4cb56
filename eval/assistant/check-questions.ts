import { pathToFileURL } from "node:url";
import { type CorpusDocument, type EvalSet, loadEvalSet, readSourceText } from "./corpus-manifest.js";
import { normalisedWords } from "./passage-overlap.js";

export const limits = {
  minDocuments: 8,
  maxDocuments: 12,
  minWords: 1_500,
  maxWords: 6_000,
  maxGoldChars: 300,
  minAnswerable: 60,
  minUnanswerable: 15,
} as const;

export interface EvalSetCheck {
  readonly problems: readonly string[];
  readonly answerable: number;
  readonly unanswerable: number;
  readonly wordsByDocument: Readonly<Record<string, number>>;
  /** Mean share of a question's content words that also occur in its gold passage (lower = more paraphrase). */
  readonly meanLexicalOverlap: number;
}

const stopwords = new Set(
  (
    "a an the of to in on at for and or is are was were be been do does did i my me we our you your " +
    "it its this that what which who whom how when where why can may must should will would with by " +
    "from as if there their they them than then so not no any each much many long far after before"
  ).split(" "),
);

/** The words a reader sees: tags, scripts and styles removed from HTML; other formats as they are. */
export function visibleText(document: CorpusDocument, source: string): string {
  if (document.format !== "html") return source;
  return source
    .replace(/<(style|script)[^>]*>[\s\S]*?<\/\1>/gi, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&[a-z#0-9]+;/gi, " ");
}

function contentWords(text: string): string[] {
  return normalisedWords(text).filter((word) => !stopwords.has(word));
}

/** Checks the evaluation set against its sources; every problem is one line. */
export function checkEvalSet(set: EvalSet, sources: ReadonlyMap<string, string>): EvalSetCheck {
  const problems: string[] = [];
  const documents = new Map(set.documents.map((document) => [document.id, document]));
  const wordsByDocument: Record<string, number> = {};
  if (set.documents.length < limits.minDocuments || set.documents.length > limits.maxDocuments) {
    problems.push(
      `${set.documents.length} documents; expected ${limits.minDocuments}–${limits.maxDocuments}`,
    );
  }
  for (const document of set.documents) {
    const source = sources.get(document.id);
    if (source === undefined) {
      problems.push(`${document.id}: source file ${document.file} not read`);
      continue;
    }
    const words = normalisedWords(visibleText(document, source)).length;
    wordsByDocument[document.id] = words;
    if (words < limits.minWords || words > limits.maxWords) {
      problems.push(`${document.id}: ${words} words; expected ${limits.minWords}–${limits.maxWords}`);
    }
    // pdf-lib's standard fonts encode WinAnsi only; plain ASCII keeps the rendered text exact.
    if (document.format === "pdf" && /[^\t\n\r\x20-\x7e]/.test(source)) {
      problems.push(`${document.id}: a PDF source must be plain ASCII`);
    }
  }

  const ids = new Set<string>();
  const overlaps: number[] = [];
  let answerable = 0;
  let unanswerable = 0;
  for (const question of set.questions) {
    if (ids.has(question.id)) problems.push(`${question.id}: duplicate id`);
    ids.add(question.id);
    const document = documents.get(question.document);
    if (!document) {
      problems.push(`${question.id}: unknown document ${question.document}`);
      continue;
    }
    if (!question.answerable) {
      unanswerable += 1;
      continue;
    }
    answerable += 1;
    const gold = question.gold_passage;
    const source = sources.get(document.id) ?? "";
    if (gold.length > limits.maxGoldChars) {
      problems.push(
        `${question.id}: gold passage has ${gold.length} characters (max ${limits.maxGoldChars})`,
      );
    }
    if (!source.includes(gold))
      problems.push(`${question.id}: gold passage is not a verbatim substring of ${document.file}`);
    if (gold.includes("\n")) problems.push(`${question.id}: gold passage spans more than one line`);
    if (document.format === "html" && /[<>&]/.test(gold)) {
      problems.push(`${question.id}: gold passage includes HTML markup or an entity`);
    }
    const asked = contentWords(question.question);
    const goldWords = new Set(contentWords(gold));
    if (asked.length > 0) overlaps.push(asked.filter((word) => goldWords.has(word)).length / asked.length);
  }
  if (answerable < limits.minAnswerable)
    problems.push(`${answerable} answerable questions; expected ≥ ${limits.minAnswerable}`);
  if (unanswerable < limits.minUnanswerable) {
    problems.push(`${unanswerable} unanswerable questions; expected ≥ ${limits.minUnanswerable}`);
  }
  const meanLexicalOverlap =
    overlaps.length === 0 ? 0 : overlaps.reduce((sum, value) => sum + value, 0) / overlaps.length;
  return { problems, answerable, unanswerable, wordsByDocument, meanLexicalOverlap };
}

/** Loads questions.json and every source file, then checks them. */
export async function checkBundledEvalSet(): Promise<EvalSetCheck> {
  const set = await loadEvalSet();
  const sources = new Map<string, string>();
  for (const document of set.documents) {
    try {
      sources.set(document.id, await readSourceText(document));
    } catch {
      // Reported as "source file not read" by checkEvalSet.
    }
  }
  return checkEvalSet(set, sources);
}

async function main(): Promise<void> {
  const check = await checkBundledEvalSet();
  console.info(`documents: ${Object.keys(check.wordsByDocument).length}`);
  for (const [id, words] of Object.entries(check.wordsByDocument)) console.info(`  ${id}: ${words} words`);
  console.info(`answerable questions: ${check.answerable}; unanswerable: ${check.unanswerable}`);
  console.info(
    `mean share of question content words found in the gold passage: ${check.meanLexicalOverlap.toFixed(2)}`,
  );
  if (check.problems.length === 0) {
    console.info("every gold passage is a verbatim substring of its document: OK");
    return;
  }
  for (const problem of check.problems) console.error(`problem: ${problem}`);
  process.exitCode = 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
