import { createHash } from "node:crypto";

/**
 * A stable UUID for an entry declared in configuration (which has no row): the same name gives the
 * same id on every node and across restarts, so usage records can refer to it. RFC 9562 version 8
 * (custom), derived from SHA-256, so it never collides with the UUIDv7 ids of stored rows.
 */
export function configId(kind: "provider" | "model" | "deployment", name: string): string {
  const hex = createHash("sha256").update(`tributary:gateway:${kind}:${name}`).digest("hex");
  const variant = ((Number.parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
