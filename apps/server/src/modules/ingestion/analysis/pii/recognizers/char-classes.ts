// Character tests by UTF-16 code, used by recognizers to describe which characters their findings
// can span (see PatternRecognizer.isSpanChar). Code comparisons avoid allocating per character.

export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

export function isUpperAsciiLetter(code: number): boolean {
  return code >= 65 && code <= 90;
}

export function isLowerAsciiLetter(code: number): boolean {
  return code >= 97 && code <= 122;
}

export function isAsciiAlphanumeric(code: number): boolean {
  return isDigit(code) || isUpperAsciiLetter(code) || isLowerAsciiLetter(code);
}

export function isHexDigit(code: number): boolean {
  return isDigit(code) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);
}

/** The ASCII digits of `value`, separators dropped. */
export function digitsOf(value: string): string {
  let digits = "";
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (isDigit(code)) digits += value[i];
  }
  return digits;
}
