import { posix } from "node:path";
import { Parser } from "htmlparser2";

/**
 * Calls `onElement` for every element of an XML document with its qualified name and attributes
 * (a small streaming walk: no tree is built).
 */
export function forEachElement(
  xml: string,
  onElement: (name: string, attributes: Record<string, string>) => void,
): void {
  const parser = new Parser({ onopentag: onElement }, { xmlMode: true, decodeEntities: true });
  parser.write(xml);
  parser.end();
}

/** The relationships part that belongs to `partPath` (`a/b.xml` → `a/_rels/b.xml.rels`). */
export function relationshipsPathOf(partPath: string): string {
  return posix.join(posix.dirname(partPath), "_rels", `${posix.basename(partPath)}.rels`);
}

/** Resolves a relationship target (relative to the source part, or absolute in the package) to a part name. */
export function resolvePartTarget(sourcePart: string, target: string): string {
  if (target.startsWith("/")) return posix.normalize(target.slice(1));
  return posix.normalize(posix.join(posix.dirname(sourcePart), target));
}

export interface Relationship {
  readonly type: string;
  /** The target part's name inside the package. */
  readonly part: string;
  readonly external: boolean;
}

/** A relationships part, by relationship id. */
export function parseRelationships(sourcePart: string, xml: string | null): Map<string, Relationship> {
  const relationships = new Map<string, Relationship>();
  if (!xml) return relationships;
  forEachElement(xml, (name, attributes) => {
    if (name !== "Relationship" || !attributes.Id || attributes.Target === undefined) return;
    const external = attributes.TargetMode === "External";
    relationships.set(attributes.Id, {
      type: attributes.Type ?? "",
      part: external ? attributes.Target : resolvePartTarget(sourcePart, attributes.Target),
      external,
    });
  });
  return relationships;
}
