import type { Notebook } from "@tributary/contracts";
import { describe, expect, it } from "vitest";
import {
  buildNotebookTree,
  canCreateUnder,
  canMoveNotebook,
  flattenTree,
  pathTo,
  subtreeOf,
} from "./notebook-tree";

const notebook = (id: string, parent_id: string | null, name = id) =>
  ({ id, parent_id, name, document_count: 1 }) as Notebook;

// a ─ b ─ c      d      (x: child of a notebook the caller cannot see)
const notebooks = [
  notebook("c", "b"),
  notebook("a", null, "Alpha"),
  notebook("b", "a"),
  notebook("d", null, "Delta"),
  notebook("x", "hidden", "Xeno"),
];

describe("notebook tree", () => {
  it("nests by parent, sorts by name, and puts notebooks with an unseen parent at the top", () => {
    const flat = flattenTree(buildNotebookTree(notebooks)).map(
      ({ notebook, depth }) => `${notebook.id}${depth}`,
    );
    expect(flat).toEqual(["a1", "b2", "c3", "d1", "x1"]);
    expect(pathTo(notebooks, "c").map((item) => item.id)).toEqual(["a", "b", "c"]);
    expect(subtreeOf(notebooks, "a").map((item) => item.id)).toEqual(["a", "b", "c"]);
  });

  it("refuses moves into the notebook's own subtree or where it already is", () => {
    expect(canMoveNotebook(notebooks, "a", "c")).toBe(false);
    expect(canMoveNotebook(notebooks, "a", "a")).toBe(false);
    expect(canMoveNotebook(notebooks, "b", "a")).toBe(false);
    expect(canMoveNotebook(notebooks, "b", null)).toBe(true);
    expect(canMoveNotebook(notebooks, "a", "d")).toBe(true);
  });

  it("keeps trees within five levels", () => {
    const deep = [
      notebook("1", null),
      notebook("2", "1"),
      notebook("3", "2"),
      notebook("4", "3"),
      notebook("5", "4"),
      notebook("m", null),
      notebook("m2", "m"),
    ];
    expect(canCreateUnder(deep, "4")).toBe(true);
    expect(canCreateUnder(deep, "5")).toBe(false);
    expect(canMoveNotebook(deep, "m", "3")).toBe(true);
    expect(canMoveNotebook(deep, "m", "4")).toBe(false);
  });
});
