/**
 * Multi-page TIFF support. Tesseract (through leptonica) reads only a TIFF's first frame, so each
 * later frame is handed over as a copy of the file whose header points at that frame's IFD.
 * Offsets inside a TIFF are absolute, so the copy needs no other change, and any compression
 * libtiff reads still works.
 */

export interface TiffLayout {
  /** Byte offset of each frame's IFD, in file order. */
  readonly frameOffsets: readonly number[];
  /** BigTIFF (64-bit offsets) is not walked: only its first frame is read. */
  readonly bigTiff: boolean;
}

/** Walks the IFD chain, stopping after `maxFrames` frames, at a bad offset, or at a loop. */
export function readTiffLayout(bytes: Uint8Array, maxFrames: number): TiffLayout {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 8) return { frameOffsets: [], bigTiff: false };
  const little = bytes[0] === 0x49;
  if (view.getUint16(2, little) === 43) return { frameOffsets: [0], bigTiff: true };

  const frameOffsets: number[] = [];
  const seen = new Set<number>();
  let offset = view.getUint32(4, little);
  while (offset !== 0 && frameOffsets.length < maxFrames) {
    if (seen.has(offset) || offset < 8 || offset + 2 > bytes.length) break;
    seen.add(offset);
    const entries = view.getUint16(offset, little);
    const nextAt = offset + 2 + entries * 12;
    if (nextAt + 4 > bytes.length) break;
    frameOffsets.push(offset);
    offset = view.getUint32(nextAt, little);
  }
  return { frameOffsets, bigTiff: false };
}

/** The file as a TIFF whose first (and, to leptonica, only) frame is the one at `ifdOffset`. */
export function tiffWithFirstFrame(bytes: Uint8Array, ifdOffset: number): Uint8Array {
  const copy = new Uint8Array(bytes);
  const little = bytes[0] === 0x49;
  new DataView(copy.buffer).setUint32(4, ifdOffset, little);
  return copy;
}
