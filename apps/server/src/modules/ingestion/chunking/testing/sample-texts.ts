/** Deterministic text for tests: seeded, so a failure reproduces exactly. */

export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    // xorshift32
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error("pick from an empty list");
  return item;
}

const topics: Record<string, readonly string[]> = {
  rivers: ["river", "water", "flood", "bank", "boat", "fish", "current", "delta", "rain", "valley"],
  markets: ["market", "price", "stock", "trade", "bond", "yield", "investor", "profit", "loss", "fund"],
  cells: ["protein", "cell", "gene", "enzyme", "membrane", "receptor", "tissue", "blood", "sugar", "virus"],
};
export const topicNames = Object.keys(topics);
const common = ["the", "a", "of", "and", "to", "in", "is", "was", "for", "on", "with", "by", "that", "it"];

/** One sentence about `topic`: half topic words, half function words. */
export function topicSentence(random: () => number, topic: string): string {
  const vocabulary = topics[topic] ?? common;
  const words = Array.from({ length: 8 + Math.floor(random() * 14) }, () =>
    random() < 0.5 ? pick(random, common) : pick(random, vocabulary),
  );
  const sentence = words.join(" ");
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}

/** Paragraphs (blank-line separated) of sentences, changing topic now and then. */
export function prose(random: () => number, paragraphs: number): string {
  let topic = pick(random, topicNames);
  const out: string[] = [];
  for (let p = 0; p < paragraphs; p++) {
    if (random() < 0.3) topic = pick(random, topicNames);
    const count = 2 + Math.floor(random() * 6);
    out.push(Array.from({ length: count }, () => topicSentence(random, topic)).join(" "));
  }
  return out.join("\n\n");
}
