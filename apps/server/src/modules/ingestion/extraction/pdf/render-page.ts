/**
 * Renders a PDF page to PNG for OCR. Uses the canvas factory pdfjs made for the document (in
 * Node it creates @napi-rs/canvas canvases from pdfjs's own copy of that library), so the page
 * canvas and the Path2D/DOMMatrix polyfills pdfjs installed come from the same library.
 */
import type { PDFDocumentProxy, PDFPageProxy } from "pdfjs-dist";

/** Scans are read best around 200–300 dpi; 200 keeps OCR time near a second a page. */
export const ocrRenderDpi = 200;
/** A poster-sized page is scaled down to stay under this many pixels (~64 MB of RGBA). */
const maxPixels = 16_000_000;

interface RenderCanvas {
  toBuffer(mime: "image/png"): Buffer;
}

interface CanvasAndContext {
  canvas: RenderCanvas | null;
  context: unknown;
}

interface PixelReader {
  getImageData(x: number, y: number, width: number, height: number): { data: Uint8ClampedArray };
}

function isPixelReader(value: unknown): value is PixelReader {
  return (
    typeof value === "object" && value !== null && typeof Reflect.get(value, "getImageData") === "function"
  );
}

interface CanvasFactory {
  create(width: number, height: number): CanvasAndContext;
  destroy(canvasAndContext: CanvasAndContext): void;
}

function isCanvasFactory(value: unknown): value is CanvasFactory {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof Reflect.get(value, "create") === "function" &&
    typeof Reflect.get(value, "destroy") === "function"
  );
}

export interface RenderedPage {
  readonly png: Buffer;
  readonly dpi: number;
  /** Nothing drawn (every pixel near the same colour): there is nothing to OCR. */
  readonly blank: boolean;
}

export async function renderPageToPng(pdf: PDFDocumentProxy, page: PDFPageProxy): Promise<RenderedPage> {
  const factory: unknown = pdf.canvasFactory;
  if (!isCanvasFactory(factory)) throw new Error("pdfjs has no canvas factory in this environment");

  const natural = page.getViewport({ scale: 1 });
  let scale = ocrRenderDpi / 72;
  const pixels = natural.width * natural.height * scale * scale;
  if (pixels > maxPixels) scale *= Math.sqrt(maxPixels / pixels);
  const viewport = page.getViewport({ scale });
  const width = Math.max(1, Math.ceil(viewport.width));
  const height = Math.max(1, Math.ceil(viewport.height));

  const target = factory.create(width, height);
  try {
    await page.render({ canvas: null, canvasContext: target.context, viewport }).promise;
    if (target.canvas === null) throw new Error("pdfjs released the canvas before it was read");
    const blank =
      isPixelReader(target.context) && isUniform(target.context.getImageData(0, 0, width, height).data);
    return { png: blank ? Buffer.alloc(0) : target.canvas.toBuffer("image/png"), dpi: scale * 72, blank };
  } finally {
    factory.destroy(target);
  }
}

/** True when every pixel is within a small distance of the first one (RGBA bytes). */
function isUniform(rgba: Uint8ClampedArray): boolean {
  const tolerance = 24;
  const r = rgba[0] ?? 0;
  const g = rgba[1] ?? 0;
  const b = rgba[2] ?? 0;
  for (let i = 4; i < rgba.length; i += 4) {
    if (
      Math.abs((rgba[i] ?? 0) - r) > tolerance ||
      Math.abs((rgba[i + 1] ?? 0) - g) > tolerance ||
      Math.abs((rgba[i + 2] ?? 0) - b) > tolerance
    ) {
      return false;
    }
  }
  return true;
}
