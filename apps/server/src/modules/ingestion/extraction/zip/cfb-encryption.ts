import { open } from "node:fs/promises";

/**
 * A password-protected DOCX/XLSX/PPTX is not a ZIP at all: Office wraps the encrypted package in an
 * OLE compound file (CFB) with `EncryptionInfo` and `EncryptedPackage` streams. These helpers read
 * just enough of the CFB directory to tell that apart from a legacy .doc/.xls/.ppt.
 */

const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const END_OF_CHAIN = 0xfffffffe;
const HEADER_DIFAT_ENTRIES = 109;
const DIRECTORY_ENTRY_SIZE = 128;
/** Guards against cyclic sector chains in a hostile file. */
const MAX_DIRECTORY_SECTORS = 4096;
const MAX_DIFAT_SECTORS = 4096;

type FileHandle = Awaited<ReturnType<typeof open>>;

export function hasCfbMagic(head: Uint8Array): boolean {
  return head.length >= CFB_MAGIC.length && CFB_MAGIC.every((byte, i) => head[i] === byte);
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer | null> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return bytesRead === length ? buffer : null;
}

class CompoundFile {
  private difat: number[] | null = null;

  constructor(
    private readonly handle: FileHandle,
    private readonly header: Buffer,
    readonly sectorSize: number,
  ) {}

  sectorPosition(sector: number): number {
    return (sector + 1) * this.sectorSize;
  }

  /** The FAT sector numbers: 109 in the header, the rest in a chain of DIFAT sectors. */
  private async fatSectors(): Promise<number[]> {
    if (this.difat) return this.difat;
    const sectors: number[] = [];
    for (let i = 0; i < HEADER_DIFAT_ENTRIES; i++) sectors.push(this.header.readUInt32LE(76 + i * 4));
    let next = this.header.readUInt32LE(68);
    const perSector = this.sectorSize / 4 - 1;
    for (let hops = 0; next < END_OF_CHAIN && hops < MAX_DIFAT_SECTORS; hops++) {
      const sector = await readAt(this.handle, this.sectorPosition(next), this.sectorSize);
      if (!sector) break;
      for (let i = 0; i < perSector; i++) sectors.push(sector.readUInt32LE(i * 4));
      next = sector.readUInt32LE(perSector * 4);
    }
    this.difat = sectors;
    return sectors;
  }

  async nextSector(sector: number): Promise<number> {
    const perFatSector = this.sectorSize / 4;
    const fatSector = (await this.fatSectors())[Math.floor(sector / perFatSector)];
    if (fatSector === undefined || fatSector >= END_OF_CHAIN) return END_OF_CHAIN;
    const entry = await readAt(this.handle, this.sectorPosition(fatSector) + (sector % perFatSector) * 4, 4);
    return entry ? entry.readUInt32LE(0) : END_OF_CHAIN;
  }
}

/** Names of the streams and storages in a compound file's directory; `null` when it is not CFB. */
export async function listCompoundFileNames(path: string): Promise<string[] | null> {
  const handle = await open(path, "r");
  try {
    const header = await readAt(handle, 0, 512);
    if (!header || !hasCfbMagic(header)) return null;
    const sectorShift = header.readUInt16LE(30);
    if (sectorShift !== 9 && sectorShift !== 12) return null;
    const file = new CompoundFile(handle, header, 2 ** sectorShift);
    const names: string[] = [];
    let sector = header.readUInt32LE(48);
    for (let hops = 0; sector < END_OF_CHAIN && hops < MAX_DIRECTORY_SECTORS; hops++) {
      const data = await readAt(handle, file.sectorPosition(sector), file.sectorSize);
      if (!data) break;
      for (let offset = 0; offset + DIRECTORY_ENTRY_SIZE <= data.length; offset += DIRECTORY_ENTRY_SIZE) {
        const nameBytes = data.readUInt16LE(offset + 64);
        const objectType = data.readUInt8(offset + 66);
        if (objectType === 0 || nameBytes < 2 || nameBytes > 64) continue;
        names.push(data.toString("utf16le", offset, offset + nameBytes - 2));
      }
      sector = await file.nextSector(sector);
    }
    return names;
  } finally {
    await handle.close();
  }
}

/** True for an encrypted OOXML package (CFB holding `EncryptionInfo` and `EncryptedPackage`). */
export async function isEncryptedOfficeFile(path: string): Promise<boolean> {
  const names = await listCompoundFileNames(path);
  if (!names) return false;
  return names.includes("EncryptionInfo") && names.includes("EncryptedPackage");
}
