import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { createMemoryCache } from "../cache/index.js";
import { type AccessChange, createAccessChanges, openAccessChanges } from "./access-changes.js";

function recorder() {
  const failures: Array<[unknown, AccessChange | null]> = [];
  return {
    failures,
    onError: (error: unknown, change: AccessChange | null) => failures.push([error, change]),
  };
}

describe("createAccessChanges", () => {
  it("tells every subscriber, keeps telling the others when one throws, and stops after unsubscribe", () => {
    const { failures, onError } = recorder();
    const changes = createAccessChanges({ hearsEveryChange: true, onError });
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

describe("openAccessChanges", () => {
  it("tells this node at once and the other nodes on the relay, each once", async () => {
    // Two nodes on one relay: a memory cache's broadcasts reach its own listeners, as Redis's reach every node's.
    const relay = createMemoryCache();
    const { failures, onError } = recorder();
    const [nodeA, nodeB] = await Promise.all([
      openAccessChanges({ hearsEveryChange: false, relay, onError }),
      openAccessChanges({ hearsEveryChange: false, relay, onError }),
    ]);
    const [heardA, heardB] = [[] as AccessChange[], [] as AccessChange[]];
    nodeA.subscribe((change) => heardA.push(change));
    nodeB.subscribe((change) => heardB.push(change));
    const change: AccessChange = { kind: "user", userId: "user-1" };
    nodeA.announce(change);
    expect(heardA).toEqual([change]);
    await sleep(10);
    expect(heardA).toEqual([change]);
    expect(heardB).toEqual([change]);
    expect(failures).toEqual([]);
    await relay.close();
  });

  it("reports a message on the channel that is not an access change, and applies nothing", async () => {
    const relay = createMemoryCache();
    const { failures, onError } = recorder();
    const changes = await openAccessChanges({ hearsEveryChange: false, relay, onError });
    const heard: AccessChange[] = [];
    changes.subscribe((change) => heard.push(change));
    await relay.broadcast(
      "access-changes",
      JSON.stringify({ origin: "elsewhere", change: { kind: "tenant" } }),
    );
    await relay.broadcast("access-changes", "not json");
    expect(heard).toEqual([]);
    expect(failures.map(([, change]) => change)).toEqual([null, null]);
    await relay.close();
  });
});
