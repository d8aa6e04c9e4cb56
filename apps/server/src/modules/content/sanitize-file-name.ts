/** Characters a file name must not carry (tas-platform-flows §4.1): `<>:"/\|?*~` and controls. */
const unsafeCharacters = new Set(["<", ">", ":", '"', "/", "\\", "|", "?", "*", "~"]);
/**
 * Control characters (C0, DEL and C1; object stores refuse them in keys) and the bidirectional
 * embedding, override and isolate marks, which make `report\u202Efdp.exe` display as `reportexe.pdf`.
 */
const controlCharacter = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;
const maxLength = 255;
/** Extensions longer than this are not worth keeping whole when a name is cut. */
const maxExtensionLength = 32;

/**
 * A name safe to store and show: unsafe characters and `..` become `_`, and a name over 255
 * characters (code points) is cut before its extension so the extension survives. Idempotent.
 */
export function sanitizeFileName(name: string): string {
  let safe = Array.from(name, (char) =>
    unsafeCharacters.has(char) || controlCharacter.test(char) ? "_" : char,
  ).join("");
  while (safe.includes("..")) safe = safe.replaceAll("..", "_");
  const chars = Array.from(safe);
  if (chars.length <= maxLength) return safe;
  const dot = safe.lastIndexOf(".");
  const extension = dot > 0 ? Array.from(safe.slice(dot)) : [];
  if (extension.length === 0 || extension.length > maxExtensionLength)
    return chars.slice(0, maxLength).join("");
  return [...chars.slice(0, maxLength - extension.length), ...extension].join("");
}
