import { randomUUID } from "node:crypto";
import { z } from "zod";

const accessChangeSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("user"), userId: z.string() }).readonly(),
  z.object({ kind: z.literal("membership"), userId: z.string(), spaceId: z.string() }).readonly(),
  z.object({ kind: z.literal("space"), spaceId: z.string() }).readonly(),
]);

/**
 * A change to who may act, announced by the module that made it once its transaction committed:
 * a user's status or platform role (`user`), one membership added, re-roled or removed
 * (`membership`), or a space gone with all its memberships (`space`). Relayed messages are parsed
 * with the same schema.
 */
export type AccessChange = z.infer<typeof accessChangeSchema>;

export type AccessChangeListener = (change: AccessChange) => void;

/**
 * Lets caches of access (a user's status, a caller's membership) drop an entry the moment its
 * row changes instead of waiting for its TTL. This process hears its own announcements at once,
 * and other nodes' through the relay when there is one, at most once: a node that is
 * reconnecting misses them. So only where this process is the whole deployment
 * (`hearsEveryChange`) may those caches rely on announcements and keep entries long; elsewhere
 * their TTL still bounds a change that was not heard.
 */
export interface AccessChanges {
  readonly hearsEveryChange: boolean;
  /** Call after the commit: a cache re-reading meanwhile would otherwise store the old row again. */
  announce(change: AccessChange): void;
  /** Returns the unsubscribe. A listener that throws does not keep the others from hearing. */
  subscribe(listener: AccessChangeListener): () => void;
}

export interface AccessChangesOptions {
  readonly hearsEveryChange: boolean;
  /** A listener threw, or the relay failed: told here, since the announcing use case has committed. */
  readonly onError: (error: unknown, change: AccessChange | null) => void;
}

/** Carries announcements between nodes: the cache port's broadcasts. */
export interface AccessChangeRelay {
  broadcast(channel: string, message: string): Promise<void>;
  listen(channel: string, onMessage: (message: string) => void): Promise<() => Promise<void>>;
}

/** This process's announcements only. */
export function createAccessChanges(options: AccessChangesOptions): AccessChanges {
  const listeners = new Set<AccessChangeListener>();
  return {
    hearsEveryChange: options.hearsEveryChange,
    announce(change) {
      for (const listener of listeners) {
        try {
          listener(change);
        } catch (error) {
          options.onError(error, change);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const channel = "access-changes";
const relayedSchema = z.object({ origin: z.string(), change: accessChangeSchema });

/**
 * This process's announcements, also broadcast through the relay, and every other node's heard
 * from it. Resolves once listening, so no change made after start-up is missed while connected.
 */
export async function openAccessChanges(
  options: AccessChangesOptions & { readonly relay: AccessChangeRelay },
): Promise<AccessChanges> {
  const origin = randomUUID();
  const local = createAccessChanges(options);
  await options.relay.listen(channel, (message) => {
    let relayed: z.infer<typeof relayedSchema>;
    try {
      relayed = relayedSchema.parse(JSON.parse(message));
    } catch (error) {
      options.onError(error, null);
      return;
    }
    // This node told its own listeners when it announced.
    if (relayed.origin !== origin) local.announce(relayed.change);
  });
  return {
    hearsEveryChange: local.hearsEveryChange,
    subscribe: local.subscribe,
    announce(change) {
      local.announce(change);
      options.relay
        .broadcast(channel, JSON.stringify({ origin, change }))
        .catch((error: unknown) => options.onError(error, change));
    },
  };
}
