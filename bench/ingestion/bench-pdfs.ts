import { PDFDocument, StandardFonts } from "pdf-lib";
import { makeLargeTextPdf } from "../../apps/server/src/modules/ingestion/testing/fixtures/pdf-fixtures.js";

/**
 * Pages of the project's benchmark PDF (45 lines of ~14 words a page, Helvetica 10 pt, flate-compressed
 * content streams) that make a file of about 1 MB: ~630 words a page, a dense but ordinary page.
 */
export const pagesPerMegabyte = 262;

/** The project's benchmark text PDF (apps/server/.../pdf-fixtures.ts): deterministic prose pages. */
export function makeBenchPdf(pageCount: number): Promise<Buffer> {
  return makeLargeTextPdf(pageCount);
}

/**
 * `base` with a cover page carrying `label` in front: different bytes and different text for each
 * upload, so the tenant's duplicate detection (same SHA-256) never short-circuits processing.
 */
export async function withCoverPage(base: Uint8Array, label: string): Promise<Buffer> {
  const doc = await PDFDocument.load(base);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const cover = doc.insertPage(0, [612, 792]);
  cover.drawText(`Benchmark upload ${label}`, { x: 54, y: 700, size: 18, font });
  doc.setTitle(`Benchmark upload ${label}`);
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}
