import { describe, expect, it } from "vitest";
import { stemEnglish } from "./english-stemmer.js";

describe("stemEnglish", () => {
  // Each expectation is what PostgreSQL's english_stem dictionary gives (ts_lexize), the stems
  // the BM25 text retriever indexes.
  const postgres: Record<string, string> = {
    consign: "consign",
    consigned: "consign",
    consigning: "consign",
    consignment: "consign",
    generously: "generous",
    generation: "generat",
    communication: "communic",
    arsenal: "arsenal",
    founded: "found",
    founding: "found",
    founder: "founder",
    companies: "compani",
    company: "compani",
    daily: "daili",
    adding: "add",
    hopping: "hop",
    hoping: "hope",
    hoped: "hope",
    relational: "relat",
    conditional: "condit",
    electrical: "electr",
    electricity: "electr",
    caresses: "caress",
    ponies: "poni",
    ties: "tie",
    cried: "cri",
    agreed: "agre",
    feed: "feed",
    bled: "bled",
    sing: "sing",
    skies: "sky",
    dying: "die",
    news: "news",
    early: "earli",
    gently: "gentl",
    controlled: "control",
    rolling: "roll",
    happily: "happili",
    probate: "probat",
    rate: "rate",
    sized: "size",
    hunters: "hunter",
    hunting: "hunt",
    penalising: "penalis",
    penalty: "penalti",
    refunded: "refund",
    reconnection: "reconnect",
    restoring: "restor",
    deposits: "deposit",
  };

  it("stems as PostgreSQL's english configuration does", () => {
    const stems = Object.fromEntries(Object.keys(postgres).map((word) => [word, stemEnglish(word)]));
    expect(stems).toEqual(postgres);
  });

  it("leaves short words, numbers and codes alone", () => {
    expect(["us", "by", "2024", "e22", "40"].map(stemEnglish)).toEqual(["us", "by", "2024", "e22", "40"]);
  });
});
