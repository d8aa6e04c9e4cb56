import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * Writes a tiny BERT-shaped sentence-embedding model in Hugging Face layout
 * (`<dir>/<modelId>/config.json, tokenizer.json, tokenizer_config.json, onnx/model.onnx`), so the
 * ONNX provider's real loading path (`@huggingface/transformers` + onnxruntime-node) runs in tests
 * on machines that cannot download a model. The network is one Gather: each token's hidden state
 * is a fixed pseudo-random row of an embedding table, so mean pooling makes texts that share
 * words close, and nothing about the output is meaningful beyond that.
 */
export async function writeTinyOnnxModel(dir: string, modelId: string, hiddenSize = 32): Promise<string[]> {
  const words = (
    "the a of to and in is how do i my your reset password account login steps forgot weather sunny " +
    "today rain tomorrow invoice due month revenue grew market"
  ).split(" ");
  const vocabulary = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", ...words, ".", "?", ","];
  const modelDir = path.join(dir, modelId);
  await mkdir(path.join(modelDir, "onnx"), { recursive: true });
  await writeFile(
    path.join(modelDir, "config.json"),
    JSON.stringify({
      model_type: "bert",
      architectures: ["BertModel"],
      hidden_size: hiddenSize,
      vocab_size: vocabulary.length,
      max_position_embeddings: 512,
    }),
  );
  await writeFile(path.join(modelDir, "tokenizer.json"), JSON.stringify(tokenizerJson(vocabulary)));
  await writeFile(
    path.join(modelDir, "tokenizer_config.json"),
    JSON.stringify({
      tokenizer_class: "BertTokenizer",
      do_lower_case: true,
      model_max_length: 512,
      cls_token: "[CLS]",
      sep_token: "[SEP]",
      pad_token: "[PAD]",
      unk_token: "[UNK]",
      mask_token: "[MASK]",
    }),
  );
  await writeFile(path.join(modelDir, "onnx", "model.onnx"), gatherModel(vocabulary.length, hiddenSize));
  return vocabulary;
}

function tokenizerJson(vocabulary: readonly string[]) {
  const special = (content: string, id: number) => ({
    id,
    content,
    single_word: false,
    lstrip: false,
    rstrip: false,
    normalized: false,
    special: true,
  });
  return {
    version: "1.0",
    truncation: null,
    padding: null,
    added_tokens: ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"].map((token, id) => special(token, id)),
    normalizer: {
      type: "BertNormalizer",
      clean_text: true,
      handle_chinese_chars: true,
      strip_accents: null,
      lowercase: true,
    },
    pre_tokenizer: { type: "BertPreTokenizer" },
    post_processor: {
      type: "TemplateProcessing",
      single: [
        { SpecialToken: { id: "[CLS]", type_id: 0 } },
        { Sequence: { id: "A", type_id: 0 } },
        { SpecialToken: { id: "[SEP]", type_id: 0 } },
      ],
      pair: [
        { SpecialToken: { id: "[CLS]", type_id: 0 } },
        { Sequence: { id: "A", type_id: 0 } },
        { SpecialToken: { id: "[SEP]", type_id: 0 } },
        { Sequence: { id: "B", type_id: 1 } },
        { SpecialToken: { id: "[SEP]", type_id: 1 } },
      ],
      special_tokens: {
        "[CLS]": { id: "[CLS]", ids: [2], tokens: ["[CLS]"] },
        "[SEP]": { id: "[SEP]", ids: [3], tokens: ["[SEP]"] },
      },
    },
    decoder: { type: "WordPiece", prefix: "##", cleanup: true },
    model: {
      type: "WordPiece",
      unk_token: "[UNK]",
      continuing_subword_prefix: "##",
      max_input_chars_per_word: 100,
      vocab: Object.fromEntries(vocabulary.map((token, id) => [token, id])),
    },
  };
}

/** ONNX ModelProto: input_ids (int64 [batch, seq]) → Gather(table) → last_hidden_state. */
function gatherModel(vocabularySize: number, hiddenSize: number): Buffer {
  const table = new Float32Array(vocabularySize * hiddenSize);
  let seed = 42;
  for (let index = 0; index < table.length; index += 1) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    table[index] = (seed / 0xffffffff) * 2 - 1;
  }
  const tensor = message([
    ...[vocabularySize, hiddenSize].map((dim) => varintField(1, dim)),
    varintField(2, 1), // FLOAT
    stringField(8, "embeddings"),
    bytesField(9, Buffer.from(table.buffer)),
  ]);
  const node = message([
    stringField(1, "embeddings"),
    stringField(1, "input_ids"),
    stringField(2, "last_hidden_state"),
    stringField(3, "gather"),
    stringField(4, "Gather"),
  ]);
  const graph = message([
    bytesField(1, node),
    stringField(2, "tiny-bert"),
    bytesField(5, tensor),
    bytesField(11, valueInfo("input_ids", 7, ["batch", "sequence"])),
    bytesField(12, valueInfo("last_hidden_state", 1, ["batch", "sequence", hiddenSize])),
  ]);
  return message([
    varintField(1, 8), // ir_version
    stringField(2, "tributary-tests"),
    bytesField(7, graph),
    bytesField(8, message([stringField(1, ""), varintField(2, 13)])), // opset 13
  ]);
}

function valueInfo(name: string, elementType: number, dims: ReadonlyArray<string | number>): Buffer {
  const shape = message(
    dims.map((dim) =>
      bytesField(
        1,
        typeof dim === "number" ? message([varintField(1, dim)]) : message([stringField(2, dim)]),
      ),
    ),
  );
  const tensorType = message([varintField(1, elementType), bytesField(2, shape)]);
  return message([stringField(1, name), bytesField(2, message([bytesField(1, tensorType)]))]);
}

// Protocol buffers wire format: just the varint and length-delimited encodings this model needs.
function varint(value: number): Buffer {
  const bytes: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    bytes.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  bytes.push(rest);
  return Buffer.from(bytes);
}
function varintField(field: number, value: number): Buffer {
  return Buffer.concat([varint(field * 8), varint(value)]);
}
function bytesField(field: number, value: Buffer): Buffer {
  return Buffer.concat([varint(field * 8 + 2), varint(value.length), value]);
}
function stringField(field: number, value: string): Buffer {
  return bytesField(field, Buffer.from(value, "utf8"));
}
function message(fields: readonly Buffer[]): Buffer {
  return Buffer.concat(fields);
}
