export { type Sentence, splitSentences } from "./sentences.js";
