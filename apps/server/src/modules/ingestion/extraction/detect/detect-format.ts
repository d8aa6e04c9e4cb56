import { open } from "node:fs/promises";
import { extname } from "node:path";
import { fileTypeFromFile } from "file-type";
import { byteOrderMark } from "../text/text-encoding.js";
import type { DocumentFormat } from "../types.js";
import { isEncryptedOfficeFile } from "../zip/cfb-encryption.js";
import { classifyText } from "./classify-text.js";
import { sniffText, TEXT_SNIFF_BYTES } from "./sniff-text.js";

export { mimeTypeOf } from "./mime-type-of.js";

/** `file-type` extensions we accept, and the format each is (templates and macro variants share a reader). */
const FORMAT_BY_FILE_TYPE: ReadonlyMap<string, DocumentFormat> = new Map([
  ["pdf", "pdf"],
  ["png", "png"],
  ["apng", "png"],
  ["jpg", "jpeg"],
  ["tif", "tiff"],
  ["gif", "gif"],
  ["rtf", "rtf"],
  ["docx", "docx"],
  ["docm", "docx"],
  ["dotx", "docx"],
  ["dotm", "docx"],
  ["xlsx", "xlsx"],
  ["xlsm", "xlsx"],
  ["xltx", "xlsx"],
  ["xltm", "xlsx"],
  ["pptx", "pptx"],
  ["pptm", "pptx"],
  ["potx", "pptx"],
  ["potm", "pptx"],
  ["ppsx", "pptx"],
  ["ppsm", "pptx"],
  ["odt", "odt"],
  ["ott", "odt"],
]);

/**
 * An encrypted OOXML file does not say whether it is a document, workbook or deck; its name is
 * the only hint. It is reported under that format (DOCX when the name says nothing) so that
 * extraction answers "password-protected" instead of the upload being refused as unknown.
 */
function encryptedOfficeFormat(declaredName: string | undefined): DocumentFormat {
  const extension = declaredName ? extname(declaredName).toLowerCase() : "";
  if ([".xlsx", ".xlsm", ".xltx", ".xltm"].includes(extension)) return "xlsx";
  if ([".pptx", ".pptm", ".potx", ".ppsx"].includes(extension)) return "pptx";
  return "docx";
}

async function readHead(path: string): Promise<{ head: Buffer; complete: boolean }> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.alloc(TEXT_SNIFF_BYTES + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return {
      head: buffer.subarray(0, Math.min(bytesRead, TEXT_SNIFF_BYTES)),
      complete: bytesRead <= TEXT_SNIFF_BYTES,
    };
  } finally {
    await handle.close();
  }
}

/**
 * The format of the file at `path`, from its content alone: magic numbers and container
 * structure through `file-type`, else a text check on the first 64 KB and a text subtype.
 * `declaredName` never turns binary into text; it may only pick among text subtypes (and name
 * the kind of an encrypted Office file). `null` means an unknown binary format (answer 415).
 */
export async function detectFormat(path: string, declaredName?: string): Promise<DocumentFormat | null> {
  const { head, complete } = await readHead(path);
  // A UTF-16 BOM (FF FE) also reads as an MPEG audio frame header to file-type: text with a BOM wins
  // when the whole head decodes as clean UTF-16 (real audio would not).
  if (byteOrderMark(head)?.encoding.startsWith("utf-16")) {
    const sniffed = sniffText(head, complete);
    if (sniffed) return classifyText(sniffed.text, declaredName, complete);
  }
  // file-type rejects some hostile containers by throwing; the content is then judged below.
  const detected = await fileTypeFromFile(path).catch(() => undefined);
  if (detected) {
    const format = FORMAT_BY_FILE_TYPE.get(detected.ext);
    if (format) return format;
    if (detected.ext === "cfb") {
      return (await isEncryptedOfficeFile(path)) ? encryptedOfficeFormat(declaredName) : null;
    }
    // XML (XHTML among it) is text. Other recognised formats are not ours, unless the content is
    // clean text after all: some signatures are weak (MPEG-TS is just "G" at bytes 0 and 188, so a
    // text file starting with "G" can match), and a real binary never passes the text check.
  }
  const sniffed = sniffText(head, complete);
  if (!sniffed) return null;
  return classifyText(sniffed.text, declaredName, complete);
}
