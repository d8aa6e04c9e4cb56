import { createRequire } from "node:module";

/**
 * The slice of papaparse's API we use. The package ships no type declarations (and adding
 * @types/papaparse is not ours to do), so it is loaded through `require` and described here.
 */
export interface PapaParseError {
  readonly type: string;
  readonly code: string;
  readonly message: string;
  readonly row?: number;
}

export interface PapaParseResult {
  readonly data: string[][];
  readonly errors: PapaParseError[];
  readonly meta: { readonly delimiter: string; readonly linebreak: string };
}

export interface PapaParseConfig {
  /** "" asks papaparse to guess among `,` `\t` `|` `;` and the ASCII record/unit separators. */
  readonly delimiter?: string;
  readonly header?: false;
  readonly skipEmptyLines?: boolean | "greedy";
  /** Only parse this many rows (0: all). */
  readonly preview?: number;
}

interface Papa {
  parse(input: string, config: PapaParseConfig): PapaParseResult;
}

const require = createRequire(import.meta.url);

export const papa = require("papaparse") as Papa;
