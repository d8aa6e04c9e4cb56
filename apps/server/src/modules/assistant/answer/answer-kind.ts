import { assertNever } from "../../../platform/errors/index.js";
import { stemOf } from "../text/key-terms.js";

/**
 * What kind of answer a question asks for, told by its wording: "how much does it cost" wants
 * money, "how many" a count, "when" or "by what date" a date, "how often" a frequency, "what is
 * the most" a number. An extract quotes only a sentence that states such an answer: one that
 * shares the question's words but gives no amount, date or number does not answer it, and
 * quoting it would cite a passage that does not say what was asked (decision 0012).
 */
export type AnswerKind = "money" | "count" | "date" | "duration" | "number";

/** The question sentence: the last one that ends with "?" (a question may open with context). */
function askedSentence(question: string): string {
  const sentences = question.split(/(?<=[.!?])\s+/).map((sentence) => sentence.trim());
  const asked = sentences.filter((sentence) => sentence.endsWith("?")).at(-1) ?? question.trim();
  return asked.toLowerCase().replace(/[\u2018\u2019]/g, "'");
}

/** Where a question clause starts: the sentence's start or after a comma ("If I …, how much …?"). */
const clause = String.raw`(?:^|,\s*|\bby\s+)`;
const moneyWords =
  /\b(?:costs?|prices?|priced|fees?|charges?|charged|pay|paid|fares?|tolls?|fines?|deposits?|penalt(?:y|ies)|bill(?:ed)?|refund(?:ed)?|reimburs(?:e|ed|ement)|allowance|per diem|get back|(?:daily|nightly|hourly|weekly|monthly|yearly|annual)\s+rates?)\b/;
const howMuchVerb = new RegExp(
  `${clause}how\\s+much\\s+(?:is|are|was|were|does|do|did|will|would|should|can|must)\\b`,
);
const howMuch = new RegExp(`${clause}how\\s+much\\b`);
const whatQuestion = new RegExp(`${clause}what(?:'s|\\s+(?:is|are|was|were|does|do|did|will|would|am))\\b`);
const howMany = /\bhow\s+many\b/;
const dateQuestion =
  /^when\s+(?:did|was|were|does|do|is|are|will)\b|\b(?:what|which)\s+(?:date|dates|day|days|year|years|month|months|period|time\s+of\s+year)\b|\bby\s+when\b|\buntil\s+when\b|\bsince\s+when\b|\bdeadline\b|\bbetween\s+which\b/;
const durationQuestion =
  /\bhow\s+(?:long|often|frequently|early|late|soon|far\s+ahead|far\s+in\s+advance|many\s+times)\b/;
const numberQuestion =
  /\bhow\s+(?:far|near|close|big|large|high|heavy|fast|old|deep|wide|tall|cold|hot|warm|efficient)\b|\bwhat(?:'s|\s+is|\s+are)\s+the\s+(?:maximum|minimum|most|least|lowest|highest|largest|smallest|longest|shortest|fastest|max|min|dimensions|size|capacity|temperature|concentration|percentage|share|speed|limit)\b|\bwhat\s+(?:share|percentage|proportion|fraction|temperature|size|capacity|speed|concentration)\b/;

/** The kind of answer the question asks for, or null when it asks for none of these. */
export function expectedAnswerKind(question: string): AnswerKind | null {
  const asked = askedSentence(question);
  if (moneyWords.test(asked) && (howMuch.test(asked) || whatQuestion.test(asked))) return "money";
  if (howMuchVerb.test(asked)) return "money";
  if (howMany.test(asked)) return "count";
  if (durationQuestion.test(asked)) return "duration";
  if (dateQuestion.test(asked)) return "date";
  if (numberQuestion.test(asked) || howMuch.test(asked)) return "number";
  return null;
}

const numberWords =
  /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundred|thousand|million|billion|dozen|half|quarter)\b/i;
const money =
  /[$€£¥]\s?\d|\d\s?(?:dollars?|cents?|usd|eur|euros?|pounds?)\b|%|\b(?:percent|per\s+cent|free|no\s+(?:charge|cost|fee)|at\s+no\s+cost|not\s+refunded|non-?refundable)\b/i;
const calendar =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may\s+\d{1,2}\b|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekdays?|weekends?|noon|midnight|today|tomorrow|yesterday)\b/i;
const frequency =
  /\b(?:daily|weekly|monthly|yearly|annually|hourly|nightly|every|each\s+(?:day|week|month|year|season)|once|twice)\b/i;
/** A year alone (1887, 2023) is no count of anything. */
const year = /\b(?:1[6-9]|20)\d\d\b/g;

/** Whether a sentence states an answer of the kind asked. */
export function statesAnswerKind(sentence: string, kind: AnswerKind): boolean {
  switch (kind) {
    case "money":
      return money.test(sentence);
    case "count":
      return /\p{N}/u.test(sentence.replace(year, "")) || numberWords.test(sentence);
    case "date":
      return /\p{N}/u.test(sentence) || calendar.test(sentence);
    case "duration":
      return /\p{N}/u.test(sentence) || numberWords.test(sentence) || frequency.test(sentence);
    case "number":
      return /\p{N}/u.test(sentence) || numberWords.test(sentence);
    default:
      return assertNever(kind);
  }
}

/** A number and the word after it: "2-inch", "70-year-old", "5/8-inch", "30 minutes". */
const quantityPattern = /(\d+(?:[.,/]\d+)*)\s*-?\s*(\p{L}+)/gu;

function quantitiesOf(text: string): Array<{ readonly value: string; readonly unit: string }> {
  return [...text.toLowerCase().matchAll(quantityPattern)].map((match) => ({
    value: (match[1] ?? "").replace(/,/g, ""),
    unit: stemOf(match[2] ?? ""),
  }));
}

/**
 * Whether the sentence states another amount of something the question gives an amount of: "a
 * 2-inch meter" is not answered by the 5/8-inch meter's charge. A sentence that also states the
 * question's own amount, or none of that unit, does not conflict.
 */
export function statesOtherQuantity(question: string, sentence: string): boolean {
  const asked = quantitiesOf(question);
  if (asked.length === 0) return false;
  const stated = quantitiesOf(sentence);
  return asked.some(
    (quantity) =>
      stated.some((other) => other.unit === quantity.unit && other.value !== quantity.value) &&
      !stated.some((other) => other.unit === quantity.unit && other.value === quantity.value),
  );
}
