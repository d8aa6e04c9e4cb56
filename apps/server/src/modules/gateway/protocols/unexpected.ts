/**
 * The `default` of an exhaustive switch over wire values: the compiler proves every known case is
 * handled (the value is `never` there), while a value a newer API version added still gets a
 * sensible answer at run time instead of `undefined`.
 */
export function unexpected<T>(_value: never, fallback: T): T {
  return fallback;
}

/** The discriminant (`type`, `role`) of a value the types say cannot occur, for an error message. */
export function unexpectedTag(value: never, key: string): string {
  const tag = (value as Record<string, unknown> | null | undefined)?.[key];
  return typeof tag === "string" ? tag : String(tag);
}
