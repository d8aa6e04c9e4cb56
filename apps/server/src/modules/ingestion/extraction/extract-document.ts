import { extractImage } from "./image/extract-image.js";
import { officeExtractors } from "./office/office-extractors.js";
import { extractPdf } from "./pdf/extract-pdf.js";
import { textExtractors } from "./text/text-extractors.js";
import {
  type DocumentFormat,
  ExtractionFailure,
  type ExtractionLimits,
  type ExtractionResult,
  type Extractor,
} from "./types.js";

/** The extractor of each accepted format. */
function extractorFor(format: DocumentFormat): Extractor | undefined {
  switch (format) {
    case "pdf":
      return extractPdf;
    case "png":
    case "jpeg":
    case "tiff":
    case "gif":
      return extractImage;
    case "docx":
    case "pptx":
    case "xlsx":
    case "odt":
    case "rtf":
      return officeExtractors[format] ?? textExtractors[format];
    case "csv":
    case "html":
    case "markdown":
    case "text":
      return textExtractors[format] ?? officeExtractors[format];
  }
}

/** Text with positions from any accepted file; an unreadable file throws an `ExtractionFailure`. */
export async function extractDocument(
  path: string,
  format: DocumentFormat,
  limits: ExtractionLimits,
): Promise<ExtractionResult> {
  const extract = extractorFor(format);
  if (!extract) throw new ExtractionFailure("unsupported", `Files of type ${format} cannot be extracted`);
  return extract(path, limits);
}
