/**
 * ICU breaks after a period followed by a space and a capital letter, which is wrong after titles
 * ("Dr. Smith"), Latin abbreviations ("e.g. Paris") and initials ("J. K. Rowling"). Decimals ("3.14")
 * and URLs ("example.com/a.b") are not broken by ICU in the first place, and a lower-case or numeric
 * continuation ("e.g. for", "Fig. 3") is not broken either. Abbreviations that often really end a
 * sentence ("etc.", "Inc.") are left out on purpose.
 */
const ENDS_WITH_ABBREVIATION =
  /(?:^|[^\p{L}\p{N}])(?:Mr|Mrs|Ms|Mx|Dr|Drs|Prof|Rev|Hon|St|Mt|Ft|Gen|Col|Lt|Sgt|Capt|Cmdr|Gov|Sen|Rep|Pres|Fig|Figs|Eq|Eqs|Sec|Ch|Art|Vol|Vols|No|Nos|Op|vs|cf|viz|approx|ca|[eE]\.g|[iI]\.e|\p{Lu})\.$/u;

/**
 * Longer than any abbreviation above plus the character before it, so "^" can only match at the
 * sentence's real start (a tail cut from mid-sentence never puts an abbreviation at its index 0).
 */
const TAIL = 12;

/** True when the sentence text [start, end) ends with an abbreviation that does not end sentences. */
export function endsWithNonTerminalAbbreviation(text: string, start: number, end: number): boolean {
  if (text.charCodeAt(end - 1) !== 46 /* . */) return false;
  return ENDS_WITH_ABBREVIATION.test(text.slice(Math.max(start, end - TAIL), end));
}
