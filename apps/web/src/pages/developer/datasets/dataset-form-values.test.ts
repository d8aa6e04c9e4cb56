import { describe, expect, it } from "vitest";
import { buildCreateDatasetRequest, emptyDatasetForm, formFieldOfApiField } from "./dataset-form-values";

describe("buildCreateDatasetRequest", () => {
  it("sends the smallest request: the name, the metric and index (the model left to the platform)", () => {
    expect(buildCreateDatasetRequest({ ...emptyDatasetForm, name: " docs " })).toEqual({
      ok: true,
      request: { name: "docs", metric_type: "cosine", index_type: "flat" },
    });
  });

  it("sends model, dimensions and HNSW settings only when given", () => {
    const result = buildCreateDatasetRequest({
      ...emptyDatasetForm,
      name: "docs",
      embeddingModel: "bge-m3",
      dimensions: "1024",
      indexType: "hnsw",
      hnswEfSearch: "100",
      // Left over from the HNSW fields of another index type: not sent.
      hnswM: "",
    });
    expect(result).toEqual({
      ok: true,
      request: {
        name: "docs",
        embedding_model: "bge-m3",
        dimensions: 1024,
        metric_type: "cosine",
        index_type: "hnsw",
        index_config: { ef_search: 100 },
      },
    });
    const flat = buildCreateDatasetRequest({ ...emptyDatasetForm, name: "docs", hnswM: "32" });
    expect(flat.ok && "index_config" in flat.request).toBe(false);
  });

  it("says what is wrong with each field", () => {
    const result = buildCreateDatasetRequest({
      ...emptyDatasetForm,
      name: "Default Docs",
      dimensions: "0",
      indexType: "hnsw",
      hnswM: "4",
    });
    expect(result.ok ? null : Object.keys(result.errors).sort()).toEqual(["dimensions", "hnswM", "name"]);
    const reserved = buildCreateDatasetRequest({ ...emptyDatasetForm, name: "shared" });
    expect(reserved.ok ? null : reserved.errors.name).toBe("“shared” is reserved for the system");
    const tooWide = buildCreateDatasetRequest({
      ...emptyDatasetForm,
      name: "big",
      dimensions: "3072",
      indexType: "hnsw",
    });
    expect(tooWide.ok ? null : Object.keys(tooWide.errors)).toEqual(["indexType"]);
  });

  it("maps the API's field names to the form's", () => {
    expect(formFieldOfApiField("embedding_model")).toBe("embeddingModel");
    expect(formFieldOfApiField("index_config.ef_construction")).toBe("hnswEfConstruction");
    expect(formFieldOfApiField("overwrite")).toBeNull();
    expect(formFieldOfApiField(undefined)).toBeNull();
  });
});
