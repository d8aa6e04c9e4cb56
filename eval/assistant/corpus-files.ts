import { type CorpusDocument, type CorpusFormat, readSourceText } from "./corpus-manifest.js";
import { renderDocx } from "./render-docx.js";
import { renderPdf } from "./render-pdf.js";
import { parseSourceBlocks } from "./source-blocks.js";

/** A corpus document as it is uploaded. */
export interface UploadFile {
  readonly fileName: string;
  readonly mimeType: string;
  readonly bytes: Uint8Array;
}

const extensions: Record<CorpusFormat, { extension: string; mimeType: string }> = {
  markdown: { extension: "md", mimeType: "text/markdown" },
  text: { extension: "txt", mimeType: "text/plain" },
  html: { extension: "html", mimeType: "text/html" },
  pdf: { extension: "pdf", mimeType: "application/pdf" },
  docx: {
    extension: "docx",
    mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  },
};

/** The file to upload for a document: its source as is, or a PDF/DOCX rendered from the source. */
export async function buildUploadFile(document: CorpusDocument): Promise<UploadFile> {
  const source = await readSourceText(document);
  const { extension, mimeType } = extensions[document.format];
  const fileName = `${document.id}.${extension}`;
  switch (document.format) {
    case "markdown":
    case "text":
    case "html":
      return { fileName, mimeType, bytes: new TextEncoder().encode(source) };
    case "pdf":
      return { fileName, mimeType, bytes: await renderPdf(parseSourceBlocks(source), document.title) };
    case "docx":
      return { fileName, mimeType, bytes: await renderDocx(parseSourceBlocks(source), document.title) };
    default: {
      const unexpected: never = document.format;
      throw new Error(`unknown format ${String(unexpected)}`);
    }
  }
}
