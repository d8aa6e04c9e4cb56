import { notFoundSentinel } from "../citations/parse-model-answer.js";

/** The system prompt of an answer: the citation format that `parseModelAnswer` reads. */
export const answerInstructions = `You answer questions using only the numbered passages from the user's documents.

Rules:
1. Use only facts stated in the passages. Never use outside knowledge.
2. After every sentence that states a fact, put the number of the passage that supports it in square brackets, like [1] or [2][3].
3. If the passages do not contain the answer, reply with exactly ${notFoundSentinel} and nothing else.
4. After the answer, write a line with QUOTES: and then, for each passage number you cited, one line with that number and a short exact quote from that passage (a few words up to one sentence, copied character for character) that supports what you wrote, like this:
QUOTES:
[1] "exact words copied from passage 1"
[3] "exact words copied from passage 3"
5. Be concise and answer in the language of the question.`;

/** The system prompt that turns a follow-up into a standalone question. */
export const rewriteInstructions = `Rewrite the user's follow-up question as one standalone question that can be understood without the conversation: replace pronouns and references with what they refer to, and keep names, numbers and terms as written. If it is already standalone, repeat it unchanged. Reply with the question only.`;

/** Said when no passage counts as evidence; no model is called. */
export const notFoundAnswer =
  "I could not find this in your documents. Try rephrasing the question, or check that the documents that cover it are in this space and finished processing.";
