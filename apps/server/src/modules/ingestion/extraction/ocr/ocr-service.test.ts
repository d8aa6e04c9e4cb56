import { afterAll, describe, expect, it } from "vitest";
import { renderTextPng } from "../../testing/fixtures/image-fixtures.js";
import { OcrLanguageUnavailable, uniqueLanguages } from "./ocr-languages.js";
import { closeOcr, OcrFailure, recognizeImage } from "./ocr-service.js";

afterAll(async () => {
  await closeOcr();
});

describe("recognizeImage", () => {
  it("returns the text and a confidence, and serves concurrent calls one by one", async () => {
    const [first, second] = await Promise.all([
      recognizeImage(renderTextPng(["Invoice number 4417"]), { languages: ["eng"] }),
      recognizeImage(renderTextPng(["Tributary river delta"]), { languages: ["eng"] }),
    ]);
    expect(first.text).toMatch(/Invoice number 4417/);
    expect(first.confidence).toBeGreaterThan(60);
    expect(second.text.toLowerCase()).toMatch(/tributary/);
  });

  it("reads with two languages at once", async () => {
    const result = await recognizeImage(renderTextPng(["Très bien, thank you"]), {
      languages: ["eng", "fra"],
    });
    expect(result.text).toMatch(/Très/);
  });

  it("refuses a language whose data package is not installed, without downloading", async () => {
    await expect(recognizeImage(renderTextPng(["x"]), { languages: ["xyz"] })).rejects.toBeInstanceOf(
      OcrLanguageUnavailable,
    );
    await expect(recognizeImage(renderTextPng(["x"]), { languages: ["../eng"] })).rejects.toBeInstanceOf(
      OcrLanguageUnavailable,
    );
  });

  it("reports an undecodable image and keeps working afterwards", async () => {
    await expect(recognizeImage(Buffer.from("not an image"), { languages: ["eng"] })).rejects.toBeInstanceOf(
      OcrFailure,
    );
    const after = await recognizeImage(renderTextPng(["Still working"]), { languages: ["eng"] });
    expect(after.text).toMatch(/Still working/);
  });

  it("starts a new worker after closeOcr", async () => {
    await closeOcr();
    const result = await recognizeImage(renderTextPng(["Fresh worker"]), { languages: ["eng"] });
    expect(result.text).toMatch(/Fresh worker/);
  });
});

describe("uniqueLanguages", () => {
  it("drops repeats, keeps order, and defaults to English", () => {
    expect(uniqueLanguages(["fra", "eng", "fra"])).toEqual(["fra", "eng"]);
    expect(uniqueLanguages([])).toEqual(["eng"]);
  });
});
