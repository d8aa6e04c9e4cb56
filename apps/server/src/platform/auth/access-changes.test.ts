import { describe, expect, it } from "vitest";
import { type AccessChange, createAccessChanges } from "./access-changes.js";

describe("createAccessChanges", () => {
  it("tells every subscriber, keeps telling the others when one throws, and stops after unsubscribe", () => {
    const failures: Array<[unknown, AccessChange]> = [];
    const changes = createAccessChanges({
      hearsEveryChange: true,
      onListenerError: (error, change) => failures.push([error, change]),
    });
    const heard: AccessChange[] = [];
    changes.subscribe(() => {
      throw new Error("listener broke");
    });
    const unsubscribe = changes.subscribe((change) => heard.push(change));
    const change: AccessChange = { kind: "membership", userId: "user-1", spaceId: "space-1" };
    changes.announce(change);
    expect(heard).toEqual([change]);
    expect(failures).toHaveLength(1);
    expect(failures[0]?.[1]).toEqual(change);
    unsubscribe();
    changes.announce({ kind: "space", spaceId: "space-1" });
    expect(heard).toEqual([change]);
    expect(changes.hearsEveryChange).toBe(true);
  });
});
