import { describe, expect, it } from "vitest";
import { type AnswerKind, expectedAnswerKind, statesAnswerKind, statesOtherQuantity } from "./answer-kind.js";

describe("expectedAnswerKind", () => {
  it("is told by the question sentence's wording", () => {
    const cases: Array<[string, AnswerKind | null]> = [
      ["How many vehicles fit on the main boat?", "count"],
      ["Is there a limit on how many tomato plants one gardener may grow?", "count"],
      ["I rent my flat. How much is the deposit?", "money"],
      ["How much is it to subscribe for a whole year?", "money"],
      ["What does a half-size plot cost for the season?", "money"],
      ["What is the daily rate for leaving my car by the terminal?", "money"],
      ["What's the penalty for not locking away food?", "money"],
      ["What am I billed for each shared-work hour I fail to put in?", "money"],
      ["If I drop my booking three days before, how much do I get back?", "money"],
      ["How much water can the plant treat?", "number"],
      ["What is the lowest rate of circulation the pump can tolerate?", "number"],
      ["What's the most people allowed to share one camp spot?", "number"],
      ["What are the dimensions of a full-size plot?", "number"],
      ["How often does the filter need rinsing out?", "duration"],
      ["How long is the compressor guaranteed?", "duration"],
      ["When did the library stop charging late fines?", "date"],
      ["By when do plot holders have to sign up again?", "date"],
      ["What is the deadline for getting crops into the ground?", "date"],
      ["In what year was the museum established?", "date"],
      ["How does the city decide how much wastewater to bill?", null],
      ["Hotel prices go through the roof. Can I exceed the nightly limit then?", null],
      ["What can I do if the plot fee is more than I can afford?", null],
      ["Who chairs the board?", null],
      ["Can I bring my dog?", null],
    ];
    for (const [question, kind] of cases) expect(expectedAnswerKind(question), question).toBe(kind);
  });
});

describe("statesAnswerKind", () => {
  it("wants money for money, not just any number", () => {
    expect(statesAnswerKind("A day pass costs $8.", "money")).toBe(true);
    expect(statesAnswerKind("Children ride free.", "money")).toBe(true);
    expect(statesAnswerKind("E-bikes cost an extra 18 cents per minute.", "money")).toBe(true);
    expect(statesAnswerKind("The system has been in use since 2009.", "money")).toBe(false);
    expect(statesAnswerKind("Fees support the collections.", "money")).toBe(false);
  });

  it("does not count a year as a count", () => {
    expect(statesAnswerKind("No more than six people may share a campsite.", "count")).toBe(true);
    expect(statesAnswerKind("Of the bikes, 310 are electric.", "count")).toBe(true);
    expect(statesAnswerKind("The branch opened in 2022.", "count")).toBe(false);
  });

  it("takes a date, a weekday or any number for a date, and a frequency for a duration", () => {
    expect(statesAnswerKind("Every plot must be planted by May 15.", "date")).toBe(true);
    expect(statesAnswerKind("Renewals close on the last Friday.", "date")).toBe(true);
    expect(statesAnswerKind("You may stay in the ground over the winter.", "date")).toBe(false);
    expect(statesAnswerKind("Rinse the filter every spring.", "duration")).toBe(true);
    expect(statesAnswerKind("Flush the system before connecting the pump.", "duration")).toBe(false);
  });
});

describe("statesOtherQuantity", () => {
  it("tells a sentence about another amount of the same thing the question names", () => {
    const question = "What does Riverton charge to install a new 2-inch meter?";
    expect(statesOtherQuantity(question, "For the 5/8-inch meter the base charge is $14.80.")).toBe(true);
    expect(statesOtherQuantity(question, "A 2-inch meter costs $410; a 5/8-inch one $95.")).toBe(false);
    expect(statesOtherQuantity(question, "Meters are installed within 10 days.")).toBe(false);
    // An age is not contradicted by a fare band that gives no age in years.
    expect(statesOtherQuantity("What does a 70-year-old pay?", "Senior (65 and over) ..... $18.00")).toBe(
      false,
    );
  });
});
