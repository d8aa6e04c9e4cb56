import { describe, expect, it } from "vitest";
import { detectLanguage } from "./detect-language.js";

const SAMPLES = {
  en: "The committee reviewed the proposal on Tuesday and agreed that the new library should open in the spring. Residents will be able to borrow books, use computers and attend workshops.",
  fr: "Le comité a examiné la proposition mardi et a convenu que la nouvelle bibliothèque ouvrirait au printemps. Les habitants pourront emprunter des livres et participer à des ateliers.",
  de: "Der Ausschuss hat den Vorschlag am Dienstag geprüft und beschlossen, dass die neue Bibliothek im Frühjahr eröffnet wird. Die Bewohner können dort Bücher ausleihen und Kurse besuchen.",
  es: "El comité revisó la propuesta el martes y acordó que la nueva biblioteca abrirá en primavera. Los vecinos podrán pedir libros prestados, usar ordenadores y asistir a talleres.",
};

describe("detectLanguage", () => {
  for (const [language, text] of Object.entries(SAMPLES)) {
    it(`recognises ${language}`, () => {
      const result = detectLanguage(text);
      expect(result.language).toBe(language);
      expect(result.confidence).toBeGreaterThan(0.5);
      expect(result.confidence).toBeLessThanOrEqual(1);
    });
  }

  it("answers und for too little text or no letters", () => {
    expect(detectLanguage("")).toEqual({ language: "und", confidence: 0 });
    expect(detectLanguage("ok")).toEqual({ language: "und", confidence: 0 });
    expect(detectLanguage("12345 678 90, 3.14 — 42%")).toEqual({ language: "und", confidence: 0 });
  });

  it("ignores URLs, e-mail addresses and numbers", () => {
    const text = `${SAMPLES.fr} https://example.com/path?q=1 jane.doe@example.com 2024-01-15 4111 1111`;
    expect(detectLanguage(text).language).toBe("fr");
  });

  it("samples long texts and still finds their language", () => {
    const long = `${SAMPLES.de} `.repeat(3_000);
    expect(long.length).toBeGreaterThan(500_000);
    expect(detectLanguage(long).language).toBe("de");
  });
});
