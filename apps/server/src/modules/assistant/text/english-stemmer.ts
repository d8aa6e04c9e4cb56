/**
 * The Snowball English ("Porter2") stemmer: the algorithm PostgreSQL's `english` text search
 * configuration applies, so the assistant's evidence gate and extract match a question's words to
 * a passage's as the BM25 text retriever matched them ("founded" and "founding" → "found",
 * "companies" → "compani", "daily" → "daili"). Input: one lower-case word.
 * Algorithm: https://snowballstem.org/algorithms/english/stemmer.html
 */

const exceptions = new Map<string, string>([
  ["skis", "ski"],
  ["skies", "sky"],
  ["dying", "die"],
  ["lying", "lie"],
  ["tying", "tie"],
  ["idly", "idl"],
  ["gently", "gentl"],
  ["ugly", "ugli"],
  ["early", "earli"],
  ["only", "onli"],
  ["singly", "singl"],
  ["sky", "sky"],
  ["news", "news"],
  ["howe", "howe"],
  ["atlas", "atlas"],
  ["cosmos", "cosmos"],
  ["bias", "bias"],
  ["andes", "andes"],
]);

/** Words left as they are once step 1a has run. */
const afterStep1a = new Set([
  "inning",
  "outing",
  "canning",
  "herring",
  "earring",
  "proceed",
  "exceed",
  "succeed",
]);

const step2Suffixes: ReadonlyArray<readonly [string, string]> = [
  ["ization", "ize"],
  ["ational", "ate"],
  ["fulness", "ful"],
  ["ousness", "ous"],
  ["iveness", "ive"],
  ["tional", "tion"],
  ["biliti", "ble"],
  ["lessli", "less"],
  ["entli", "ent"],
  ["ation", "ate"],
  ["alism", "al"],
  ["aliti", "al"],
  ["ousli", "ous"],
  ["iviti", "ive"],
  ["fulli", "ful"],
  ["enci", "ence"],
  ["anci", "ance"],
  ["abli", "able"],
  ["izer", "ize"],
  ["ator", "ate"],
  ["alli", "al"],
  ["bli", "ble"],
  ["ogi", "og"],
  ["li", ""],
];

const step3Suffixes: ReadonlyArray<readonly [string, string]> = [
  ["ational", "ate"],
  ["tional", "tion"],
  ["alize", "al"],
  ["icate", "ic"],
  ["iciti", "ic"],
  ["ative", ""],
  ["ical", "ic"],
  ["ness", ""],
  ["ful", ""],
];

const step4Suffixes = [
  "ement",
  "ance",
  "ence",
  "able",
  "ible",
  "ment",
  "ant",
  "ent",
  "ism",
  "ate",
  "iti",
  "ous",
  "ive",
  "ize",
  "ion",
  "al",
  "er",
  "ic",
];

const isVowel = (char: string | undefined): boolean => char !== undefined && "aeiouy".includes(char);

/** Where R1 (after the first non-vowel that follows a vowel) or R2 (the same, within R1) starts. */
function regionAfter(word: string, from: number): number {
  for (let i = from + 1; i < word.length; i += 1) {
    if (!isVowel(word[i]) && isVowel(word[i - 1])) return i + 1;
  }
  return word.length;
}

function region1(word: string): number {
  const prefix = /^(?:gener|commun|arsen)/.exec(word);
  return prefix ? prefix[0].length : regionAfter(word, 0);
}

/** A short syllable ends the word at `end` (exclusive). */
function endsWithShortSyllable(word: string, end: number): boolean {
  if (end === 2) return isVowel(word[0]) && !isVowel(word[1]);
  if (end < 3) return false;
  const last = word[end - 1] as string;
  return !isVowel(word[end - 3]) && isVowel(word[end - 2]) && !isVowel(last) && !"wxY".includes(last);
}

function containsVowel(text: string): boolean {
  for (const char of text) if (isVowel(char)) return true;
  return false;
}

export function stemEnglish(input: string): string {
  if (input.length <= 2) return input;
  const exception = exceptions.get(input);
  if (exception !== undefined) return exception;
  let word = input.startsWith("'") ? input.slice(1) : input;
  // y as a consonant (initial, or after a vowel) is written Y while stemming.
  word = word.replace(/^y/, "Y").replace(/([aeiouy])y/g, "$1Y");
  const r1 = region1(word);
  const r2 = regionAfter(word, r1);

  // Step 0: possessives.
  word = word.replace(/'(?:s'?)?$/, "");

  // Step 1a: plurals.
  if (word.endsWith("sses")) word = word.slice(0, -2);
  else if (word.endsWith("ied") || word.endsWith("ies")) word = word.slice(0, word.length > 4 ? -2 : -1);
  else if (word.endsWith("us") || word.endsWith("ss")) {
    // unchanged
  } else if (word.endsWith("s") && containsVowel(word.slice(0, -2))) word = word.slice(0, -1);
  if (afterStep1a.has(word)) return word;

  // Step 1b: -ed, -ing and their adverbs.
  const step1b = /(eedly|ingly|edly|eed|ing|ed)$/.exec(word);
  if (step1b) {
    const suffix = step1b[1] as string;
    const stem = word.slice(0, -suffix.length);
    if (suffix === "eed" || suffix === "eedly") {
      if (stem.length >= r1) word = `${stem}ee`;
    } else if (containsVowel(stem)) {
      word = stem;
      if (/(?:at|bl|iz)$/.test(word)) word += "e";
      else if (/(?:bb|dd|ff|gg|mm|nn|pp|rr|tt)$/.test(word)) {
        // Snowball 2 keeps a vowel-initial three-letter stem whole ("adding" → "add", not "ad").
        if (!(word.length === 3 && isVowel(word[0]))) word = word.slice(0, -1);
      } else if (r1 >= word.length && endsWithShortSyllable(word, word.length)) word += "e";
    }
  }

  // Step 1c: a final y after a consonant (not the first letter) becomes i.
  if (word.length > 2 && /[yY]$/.test(word) && !isVowel(word[word.length - 2])) {
    word = `${word.slice(0, -1)}i`;
  }

  // Step 2: derivational suffixes in R1.
  for (const [suffix, replacement] of step2Suffixes) {
    if (!word.endsWith(suffix)) continue;
    const at = word.length - suffix.length;
    if (at >= r1) {
      if (suffix === "ogi") {
        if (word[at - 1] === "l") word = word.slice(0, at) + replacement;
      } else if (suffix === "li") {
        if ("cdeghkmnrt".includes(word[at - 1] ?? " ")) word = word.slice(0, at);
      } else {
        word = word.slice(0, at) + replacement;
      }
    }
    break;
  }

  // Step 3.
  for (const [suffix, replacement] of step3Suffixes) {
    if (!word.endsWith(suffix)) continue;
    const at = word.length - suffix.length;
    if (at >= r1 && (suffix !== "ative" || at >= r2)) word = word.slice(0, at) + replacement;
    break;
  }

  // Step 4: suffixes in R2.
  for (const suffix of step4Suffixes) {
    if (!word.endsWith(suffix)) continue;
    const at = word.length - suffix.length;
    if (at >= r2 && (suffix !== "ion" || "st".includes(word[at - 1] ?? " "))) word = word.slice(0, at);
    break;
  }

  // Step 5: a final e or l.
  if (word.endsWith("e")) {
    const at = word.length - 1;
    if (at >= r2 || (at >= r1 && !endsWithShortSyllable(word, at))) word = word.slice(0, at);
  } else if (word.endsWith("ll") && word.length - 1 >= r2) {
    word = word.slice(0, -1);
  }

  return word.replace(/Y/g, "y");
}
