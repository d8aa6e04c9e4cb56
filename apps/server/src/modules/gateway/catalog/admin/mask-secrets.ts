/** `…abcd`: enough to tell keys apart, never enough to use one. Short keys show nothing. */
export function secretHint(secret: string | null): string | null {
  if (secret === null) return null;
  return secret.length >= 16 ? `…${secret.slice(-4)}` : "…";
}

const secretHeader = /(auth|key|token|secret|password|signature|cookie)/i;

/** Extra headers as shown to admins: values of headers that look like credentials are hidden. */
export function maskHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [
      name,
      secretHeader.test(name) ? (secretHint(value) ?? "…") : value,
    ]),
  );
}
