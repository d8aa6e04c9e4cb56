export { extractDocx } from "./extract-docx.js";
export { extractOdt } from "./extract-odt.js";
export { extractPptx } from "./extract-pptx.js";
export { extractRtf } from "./extract-rtf.js";
export { createXlsxExtractor, extractXlsx, type XlsxExtractorOptions } from "./extract-xlsx.js";
export { odtContentToText } from "./odt-content-to-text.js";
export { officeExtractorFor, officeExtractors } from "./office-extractors.js";
export { slideLines } from "./pptx-slide-text.js";
export { RtfSyntaxError, type RtfText, rtfToText } from "./rtf-to-text.js";
