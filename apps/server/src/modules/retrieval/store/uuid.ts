const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Record ids and dataset ids are UUIDs (any version, any case). */
export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}
