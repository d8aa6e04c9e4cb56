import { Parser } from "htmlparser2";

/** Placeholders that hold slide furniture (numbers, dates, footers, the notes page's slide picture). */
const FURNITURE_PLACEHOLDERS = new Set(["sldNum", "dt", "ftr", "hdr", "sldImg"]);

/**
 * The text of one slide (or notes page) as lines: each DrawingML paragraph (`a:p`) is a line made
 * of its runs (`a:t`) with `a:br` as a line break; a table row is one line with its cells separated
 * by tabs. Slide-number, date and footer placeholders are left out, and so is the fallback copy of
 * `mc:AlternateContent`, which would repeat the chosen content.
 */
export function slideLines(xml: string): string[] {
  const lines: string[] = [];
  const shapes: boolean[] = []; // per open p:sp: is it furniture?
  let furnitureDepth = 0;
  let fallbackDepth = 0;
  let textDepth = 0;
  let paragraph: string[] | null = null;
  let row: string[] | null = null;
  let cell: string[] | null = null;

  const skipping = (): boolean => furnitureDepth > 0 || fallbackDepth > 0;

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === "mc:Fallback" || fallbackDepth > 0) {
          fallbackDepth++;
          return;
        }
        switch (name) {
          case "p:sp":
            shapes.push(false);
            break;
          case "p:ph":
            if (shapes.length > 0 && FURNITURE_PLACEHOLDERS.has(attributes.type ?? "") && !shapes.at(-1)) {
              shapes[shapes.length - 1] = true;
              furnitureDepth++;
            }
            break;
          case "a:p":
            paragraph = [];
            break;
          case "a:t":
            textDepth++;
            break;
          case "a:br":
            paragraph?.push("\n");
            break;
          case "a:tr":
            row = [];
            break;
          case "a:tc":
            cell = [];
            break;
        }
      },
      ontext(text) {
        if (textDepth > 0 && !skipping()) paragraph?.push(text);
      },
      onclosetag(name) {
        if (fallbackDepth > 0) {
          fallbackDepth--;
          return;
        }
        switch (name) {
          case "p:sp":
            if (shapes.pop()) furnitureDepth--;
            break;
          case "a:t":
            textDepth = Math.max(0, textDepth - 1);
            break;
          case "a:p": {
            const line = (paragraph ?? []).join("").trim();
            paragraph = null;
            if (line === "") break;
            if (cell) cell.push(line);
            else lines.push(line);
            break;
          }
          case "a:tc":
            row?.push((cell ?? []).join(" "));
            cell = null;
            break;
          case "a:tr":
            if (row?.some((value) => value !== "")) lines.push(row.join("\t").trimEnd());
            row = null;
            break;
        }
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
  return lines;
}
