/**
 * Where OCR language models come from: the `@tesseract.js-data/<code>` npm packages, read from
 * disk. Nothing is ever downloaded at run time (tesseract.js fetches from a CDN when it has no
 * local path), so a language without its package is refused before a worker is started.
 */
import { access, mkdtemp, rm, symlink } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";

/** A requested OCR language whose data package is not installed (or whose code is malformed). */
export class OcrLanguageUnavailable extends Error {
  constructor(readonly code: string) {
    super(`OCR language "${code}" is not available on this server`);
    this.name = "OcrLanguageUnavailable";
  }
}

// Tesseract codes: "eng", "fra", "chi_sim", "deu_latf"… The pattern also keeps a code from
// reaching outside node_modules when it becomes part of a package name and a file name.
const languageCodePattern = /^[a-z]{3}(?:_[a-z]{3,5})?$/;
/** The "best_int" LSTM models: accurate, and the smallest of the LSTM-only sets. */
const modelFolder = "4.0.0_best_int";

const require = createRequire(import.meta.url);

/** The folder holding `<code>.traineddata.gz` for one language. */
async function languageFolder(code: string): Promise<string> {
  if (!languageCodePattern.test(code)) throw new OcrLanguageUnavailable(code);
  try {
    const packageJson = require.resolve(`@tesseract.js-data/${code}/package.json`);
    const folder = path.join(path.dirname(packageJson), modelFolder);
    await access(path.join(folder, `${code}.traineddata.gz`));
    return folder;
  } catch {
    throw new OcrLanguageUnavailable(code);
  }
}

/** A `langPath` for tesseract.js holding every requested language; `release` removes what was made for it. */
export interface LanguagePath {
  readonly langPath: string;
  release(): Promise<void>;
}

/**
 * tesseract.js reads every language from one `langPath`, but each language package has its own
 * folder. One language: its folder. Several: a temporary folder of links to each model, removed
 * once the worker has loaded them. (Handing the bytes over as `{code, data}` objects would avoid
 * the folder, but tesseract.js 7 then initialises with the bytes as the language name.)
 */
export async function prepareLanguagePath(codes: readonly string[]): Promise<LanguagePath> {
  const folders = await Promise.all(codes.map(languageFolder));
  const [only] = folders;
  if (only !== undefined && folders.length === 1) return { langPath: only, release: async () => undefined };

  const linked = await mkdtemp(path.join(tmpdir(), "tributary-ocr-"));
  const release = () => rm(linked, { recursive: true, force: true });
  try {
    await Promise.all(
      codes.map((code, index) => {
        const folder = folders[index] ?? "";
        const file = `${code}.traineddata.gz`;
        return symlink(path.join(folder, file), path.join(linked, file));
      }),
    );
  } catch (error) {
    await release();
    throw error;
  }
  return { langPath: linked, release };
}

/**
 * The identity of a language set, e.g. ["eng", "fra", "eng"] → ["eng", "fra"] → "eng+fra".
 * Order is kept: the first language is tesseract's primary one.
 */
export function uniqueLanguages(languages: readonly string[]): string[] {
  const unique = [...new Set(languages)];
  return unique.length > 0 ? unique : ["eng"];
}
