import { assertHasText, limitText, truncationWarning } from "../text/segmented-text.js";
import type { Extractor, TextSegment } from "../types.js";
import { openSafeZip, type SafeZip } from "../zip/safe-zip.js";
import { forEachElement, parseRelationships, relationshipsPathOf } from "./ooxml-parts.js";
import { slideLines } from "./pptx-slide-text.js";

const PRESENTATION = "ppt/presentation.xml";
const NOTES_SLIDE_TYPE = /\/notesSlide$/;
const SLIDE_PART = /^ppt\/slides\/slide(\d+)\.xml$/i;

/** Slide parts in show order: `p:sldIdLst` through the presentation's relationships, else by number. */
async function slidePartsInOrder(zip: SafeZip): Promise<string[]> {
  const presentation = await zip.readText(PRESENTATION);
  if (presentation) {
    const relationships = parseRelationships(
      PRESENTATION,
      await zip.readText(relationshipsPathOf(PRESENTATION)),
    );
    const ordered: string[] = [];
    forEachElement(presentation, (name, attributes) => {
      const id = attributes["r:id"];
      if (name !== "p:sldId" || !id) return;
      const part = relationships.get(id)?.part;
      if (part && zip.has(part)) ordered.push(part);
    });
    if (ordered.length > 0) return ordered;
  }
  return zip.names
    .map((name) => ({ name, number: Number(SLIDE_PART.exec(name)?.[1] ?? Number.NaN) }))
    .filter((slide) => !Number.isNaN(slide.number))
    .sort((a, b) => a.number - b.number)
    .map((slide) => slide.name);
}

async function notesLines(zip: SafeZip, slidePart: string): Promise<string[]> {
  const relationships = parseRelationships(slidePart, await zip.readText(relationshipsPathOf(slidePart)));
  for (const relationship of relationships.values()) {
    if (relationship.external || !NOTES_SLIDE_TYPE.test(relationship.type)) continue;
    const xml = await zip.readText(relationship.part);
    return xml ? slideLines(xml) : [];
  }
  return [];
}

/**
 * PPTX: one segment per slide (1-based `slide`, in show order) with the slide's paragraphs as
 * lines, followed by its speaker notes. Slides without text get no segment but still count in
 * `pageCount`.
 */
export const extractPptx: Extractor = async (path, limits) => {
  const zip = await openSafeZip(path, limits);
  const slides = await slidePartsInOrder(zip);
  const parts: string[] = [];
  const segments: TextSegment[] = [];
  let length = 0;
  for (const [index, part] of slides.entries()) {
    const xml = await zip.readText(part);
    const lines = xml ? slideLines(xml) : [];
    const notes = await notesLines(zip, part);
    let slideText = lines.join("\n");
    if (notes.length > 0) slideText += `${slideText === "" ? "" : "\n\n"}Notes: ${notes.join("\n")}`;
    if (slideText === "") continue;
    if (length > 0) {
      parts.push("\n\n");
      length += 2;
    }
    segments.push({ start: length, end: length + slideText.length, slide: index + 1 });
    parts.push(slideText);
    length += slideText.length;
    if (length > limits.maxTextChars) break;
  }
  const limited = limitText({ text: parts.join(""), segments }, limits.maxTextChars);
  assertHasText(limited.text);
  return {
    format: "pptx",
    text: limited.text,
    segments: limited.segments,
    pageCount: slides.length,
    ocrPages: [],
    warnings: limited.truncated ? [truncationWarning(limits.maxTextChars)] : [],
  };
};
