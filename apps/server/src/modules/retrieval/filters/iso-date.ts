/**
 * An ISO 8601 date or date-time that PostgreSQL is certain to accept: real calendar days (leap years
 * included), hours 00–23, offsets up to ±15:59, year ≥ 0001. Strings that pass are cast to timestamps
 * in SQL; strings that fail are never cast, so no stored value can make a filter query raise an error.
 * No backslashes, so the same text is a JavaScript and a PostgreSQL (ARE) pattern.
 */
export const isoDatePattern =
  "^(?!0000)(?:[0-9]{4}-(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)|(?:0[13578]|1[02])-31)" +
  "|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)" +
  "(?:[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:[.][0-9]{1,6})?)?(?:Z|[+-](?:0[0-9]|1[0-5])(?::?[0-5][0-9])?)?)?$";

const isoDateRegex = new RegExp(isoDatePattern);

export function isIsoDate(value: string): boolean {
  return isoDateRegex.test(value);
}

/** SQL that tests a text expression against `isoDatePattern`. */
export function isIsoDateSql(text: string): string {
  return `(${text} ~ '${isoDatePattern}')`;
}

/**
 * A text expression that passed `isIsoDateSql` as a timestamptz; a date-time without an offset (and a
 * bare date) is read as UTC, so the result never depends on the session's time zone.
 */
export function timestampSql(text: string): string {
  return `(CASE WHEN ${text} ~ '[T ][0-9:.]+(Z|[+-][0-9:]+)$' THEN (${text})::timestamptz ELSE (${text})::timestamp AT TIME ZONE 'UTC' END)`;
}
