import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

/** Where the evaluation set lives: eval/assistant/ (this folder). */
export const evalDir = path.dirname(fileURLToPath(import.meta.url));
export const corpusDir = path.join(evalDir, "corpus");
export const questionsFile = path.join(evalDir, "questions.json");

/**
 * How a document reaches the platform: as its own file (`markdown`, `text`, `html`), or rendered
 * at eval time from its plain-text source into a `pdf` or `docx` so the eval exercises extraction.
 */
export const corpusFormatSchema = z.enum(["markdown", "text", "html", "pdf", "docx"]);
export type CorpusFormat = z.infer<typeof corpusFormatSchema>;

const documentSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** The source file in corpus/: the uploaded file itself, or the text a PDF/DOCX is rendered from. */
  file: z.string().min(1),
  format: corpusFormatSchema,
  title: z.string().min(1),
});

const answerableSchema = z.object({
  id: z.string().min(1),
  document: z.string().min(1),
  answerable: z.literal(true),
  question: z.string().min(1),
  /** A verbatim substring of the document's source file that fully answers the question. */
  gold_passage: z.string().min(1),
  /** The expected answer in a few words, for people reading the report. */
  answer: z.string().min(1),
});

const unanswerableSchema = z.object({
  id: z.string().min(1),
  /** The document the question is plausibly about (it does not answer it). */
  document: z.string().min(1),
  answerable: z.literal(false),
  question: z.string().min(1),
  why_unanswerable: z.string().min(1),
});

const evalSetSchema = z.object({
  description: z.string(),
  documents: z.array(documentSchema).min(1),
  questions: z.array(z.discriminatedUnion("answerable", [answerableSchema, unanswerableSchema])).min(1),
});

export type CorpusDocument = z.infer<typeof documentSchema>;
export type AnswerableQuestion = z.infer<typeof answerableSchema>;
export type UnanswerableQuestion = z.infer<typeof unanswerableSchema>;
export type EvalQuestion = AnswerableQuestion | UnanswerableQuestion;
export type EvalSet = z.infer<typeof evalSetSchema>;

/** Reads and validates questions.json. */
export async function loadEvalSet(file: string = questionsFile): Promise<EvalSet> {
  return evalSetSchema.parse(JSON.parse(await readFile(file, "utf8")));
}

/** The source text of a document, exactly as stored in corpus/ (gold passages are substrings of it). */
export async function readSourceText(document: CorpusDocument, dir: string = corpusDir): Promise<string> {
  return readFile(path.join(dir, document.file), "utf8");
}
