import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { makeDocx } from "../../server/src/modules/ingestion/testing/fixtures/office-fixtures.js";
import { makeTextPdf } from "../../server/src/modules/ingestion/testing/fixtures/pdf-fixtures.js";

/** The facts the journey asks about: each lives in exactly one of the two documents. */
export const facts = {
  pdfQuestion: "How many days does the Aurora glacier survey last?",
  modelAnswer:
    'The Aurora glacier survey lasts fourteen days [1].\n\nQUOTES:\n[1] "The Aurora glacier survey lasts fourteen days"',
  docxTopic: "Heron Bay desalination plant",
};

/** A two-page text PDF and a DOCX with headings, written with the producers' own libraries. */
export async function writeFixtures(dir: string): Promise<{ pdf: string; docx: string }> {
  const pdf = join(dir, "aurora-glacier-survey.pdf");
  const docx = join(dir, "heron-bay-plant.docx");
  await writeFile(
    pdf,
    await makeTextPdf([
      [
        "Aurora glacier survey plan",
        "The Aurora glacier survey lasts fourteen days and starts at the northern camp.",
        "Each team measures ice thickness with ground-penetrating radar twice a day.",
      ],
      [
        "Logistics",
        "Supplies for the Aurora survey are flown in by helicopter every fourth day.",
        "The survey ends with a debrief at the coastal station.",
      ],
    ]),
  );
  await writeFile(
    docx,
    await makeDocx([
      {
        heading: "Heron Bay desalination plant",
        level: 1,
        paragraphs: [
          "The Heron Bay desalination plant produces forty thousand cubic metres of water a day.",
          "It runs on reverse osmosis membranes replaced every five years.",
        ],
      },
      {
        heading: "Maintenance",
        level: 2,
        paragraphs: ["Maintenance windows are scheduled on the first Sunday of each month."],
      },
    ]),
  );
  return { pdf, docx };
}
