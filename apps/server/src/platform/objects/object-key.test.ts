import { describe, expect, it } from "vitest";
import { AppError } from "../errors/index.js";
import { invalidObjectKeys } from "./invalid-object-keys.js";
import { maxObjectKeyBytes, validateObjectKey, validateObjectPrefix } from "./object-key.js";

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("validateObjectKey", () => {
  it.each([
    "a",
    "tenants/tenant_1/documents/0190a7b2-0c3f-7d8e-9a1b-2c3d4e5f6a7b/original.pdf",
    ".hidden",
    "..dots../...",
    "a/.b/c.",
    "Données/été 2024 (final).txt",
    "emoji/📄.md",
    "x".repeat(maxObjectKeyBytes),
    "é".repeat(maxObjectKeyBytes / 2),
  ])("accepts %j", (key) => {
    expect(validateObjectKey(key)).toBe(key);
  });

  it.each(invalidObjectKeys.map((key) => [key]))("refuses %j with VALIDATION_ERROR", (key) => {
    const error = refusal(() => validateObjectKey(key));
    expect(error.code).toBe("VALIDATION_ERROR");
    expect(error.details).toEqual({ key });
  });

  it("refuses values that are not strings", () => {
    expect(refusal(() => validateObjectKey(undefined as unknown as string)).code).toBe("VALIDATION_ERROR");
  });
});

describe("validateObjectPrefix", () => {
  it.each(["", "a", "a/", "a/b", "a/b/", "a/.", "a/..x", "Données/é"])("accepts %j", (prefix) => {
    expect(validateObjectPrefix(prefix)).toBe(prefix);
  });

  it.each(["/", "/a", "../", "a/../b", "a//", "./a", "a\\", "a\u0000", "x".repeat(maxObjectKeyBytes + 1)])(
    "refuses %j",
    (prefix) => {
      expect(refusal(() => validateObjectPrefix(prefix)).code).toBe("VALIDATION_ERROR");
    },
  );
});
