/** A typed-in number: empty means "not given"; anything unparsable or out of range is "invalid". */
export function optionalNumber(
  text: string,
  {
    min = 0,
    max = Number.MAX_SAFE_INTEGER,
    integer = false,
  }: { min?: number; max?: number; integer?: boolean } = {},
): number | undefined | "invalid" {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const value = Number(trimmed);
  if (!Number.isFinite(value) || value < min || value > max) return "invalid";
  if (integer && !Number.isInteger(value)) return "invalid";
  return value;
}

export function splitNames(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter(Boolean);
}
