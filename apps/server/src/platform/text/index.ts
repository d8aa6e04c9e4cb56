export { type Sentence, splitSentences } from "./sentences.js";
export { maxTitleBlockChars, titleBlockEnd, titleOf } from "./title-block.js";
