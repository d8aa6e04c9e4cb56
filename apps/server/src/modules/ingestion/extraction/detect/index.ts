export {
  classifyText,
  looksLikeCsv,
  looksLikeHtml,
  looksLikeMarkdown,
  type TextFormat,
  textFormatFromName,
} from "./classify-text.js";
export { detectFormat } from "./detect-format.js";
export { mimeTypeOf } from "./mime-type-of.js";
export { type SniffedText, sniffText, TEXT_SNIFF_BYTES } from "./sniff-text.js";
