/**
 * A timestamptz column as the spec's UTC ISO 8601 with microseconds and `Z`
 * (`YYYY-MM-DDTHH:MM:SS.ffffffZ`): formatted by PostgreSQL, since a JS Date keeps milliseconds only.
 */
export function isoMicros(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}
