import { documentStatusSchema } from "@tributary/contracts";
import { describe, expect, it } from "vitest";
import { canTransition } from "./document-status-machine.js";

describe("the document status machine", () => {
  it("allows exactly §4.3, reprocessing and restoring from the archive", () => {
    const allowed = documentStatusSchema.options.flatMap((from) =>
      documentStatusSchema.options.filter((to) => canTransition(from, to)).map((to) => `${from}→${to}`),
    );
    expect(allowed.sort()).toEqual(
      [
        "uploading→processing",
        "uploading→failed",
        "processing→processed",
        "processing→failed",
        "processed→archived",
        "processed→deleted",
        "failed→archived",
        "failed→deleted",
        "processed→processing",
        "failed→processing",
        "archived→processed",
        "archived→deleted",
      ].sort(),
    );
  });
});
