import { maxObjectKeyBytes } from "./object-key.js";

/** Test data: keys every store must refuse (the key unit tests and the contract suite share it). */
export const invalidObjectKeys: readonly string[] = [
  "",
  "/etc/passwd",
  "../etc/passwd",
  "a/../../b",
  "a/./b",
  ".",
  "..",
  "a/..",
  "a//b",
  "a/",
  "a\\b",
  "..\\..\\windows",
  "a\u0000b",
  "a\nb",
  "tab\there",
  "del\u007f",
  "c1\u0085",
  "lone\ud800surrogate",
  "x".repeat(maxObjectKeyBytes + 1),
  "é".repeat(maxObjectKeyBytes / 2 + 1),
];
