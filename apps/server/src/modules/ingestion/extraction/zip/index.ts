export { hasCfbMagic, isEncryptedOfficeFile, listCompoundFileNames } from "./cfb-encryption.js";
export { type InflateOptions, inflateEntry } from "./inflate-entry.js";
export { openSafeZip, type SafeZip } from "./safe-zip.js";
export {
  MAX_ZIP_ENTRIES,
  readZipDirectory,
  type ZipDirectory,
  type ZipEntry,
} from "./zip-directory.js";
export {
  assertNotCompoundFile,
  assertZipIsSafe,
  checkDeclaredSizes,
  formatBytes,
  MIN_BYTES_FOR_RATIO_CHECK,
  type ZipSafetyOptions,
} from "./zip-safety.js";
