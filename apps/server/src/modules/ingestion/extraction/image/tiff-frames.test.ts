import { describe, expect, it } from "vitest";
import { encodeGrayTiff } from "../../testing/fixtures/image-fixtures.js";
import { detectImageFormat } from "./image-format.js";
import { readTiffLayout, tiffWithFirstFrame } from "./tiff-frames.js";

const frame = (shade: number) => ({ width: 2, height: 2, pixels: new Uint8Array(4).fill(shade) });

describe("readTiffLayout", () => {
  it("finds every frame of a multi-page TIFF", () => {
    const tiff = encodeGrayTiff([frame(0), frame(128), frame(255)]);
    expect(readTiffLayout(tiff, 10).frameOffsets).toHaveLength(3);
  });

  it("stops at maxFrames and on an IFD loop", () => {
    const tiff = encodeGrayTiff([frame(0), frame(128), frame(255)]);
    expect(readTiffLayout(tiff, 2).frameOffsets).toHaveLength(2);
    const looped = Buffer.from(tiff);
    const first = looped.readUInt32LE(4);
    const entries = looped.readUInt16LE(first);
    looped.writeUInt32LE(first, first + 2 + entries * 12); // the first IFD points at itself
    expect(readTiffLayout(looped, 10).frameOffsets).toEqual([first]);
  });

  it("makes a copy whose header points at the chosen frame", () => {
    const tiff = encodeGrayTiff([frame(0), frame(255)]);
    const [, second] = readTiffLayout(tiff, 10).frameOffsets;
    const copy = Buffer.from(tiffWithFirstFrame(tiff, second ?? 0));
    expect(copy.readUInt32LE(4)).toBe(second);
    expect(tiff.readUInt32LE(4)).not.toBe(second);
  });
});

describe("detectImageFormat", () => {
  it("tells formats by their magic bytes", () => {
    expect(detectImageFormat(encodeGrayTiff([frame(0)]))).toBe("tiff");
    expect(detectImageFormat(Buffer.from("GIF89a......"))).toBe("gif");
    expect(detectImageFormat(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe("jpeg");
    expect(detectImageFormat(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe("png");
    expect(detectImageFormat(Buffer.from("%PDF-1.7"))).toBeUndefined();
  });
});
