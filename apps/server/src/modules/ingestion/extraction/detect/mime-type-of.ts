import type { DocumentFormat } from "../types.js";

/** The canonical media type of a detected format (what we store and serve, never the client's claim). */
export function mimeTypeOf(format: DocumentFormat): string {
  switch (format) {
    case "pdf":
      return "application/pdf";
    case "docx":
      return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    case "pptx":
      return "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    case "xlsx":
      return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    case "csv":
      return "text/csv";
    case "html":
      return "text/html";
    case "markdown":
      return "text/markdown";
    case "text":
      return "text/plain";
    case "rtf":
      return "application/rtf";
    case "odt":
      return "application/vnd.oasis.opendocument.text";
    case "png":
      return "image/png";
    case "jpeg":
      return "image/jpeg";
    case "tiff":
      return "image/tiff";
    case "gif":
      return "image/gif";
  }
}
