/**
 * A change to who may act, announced by the module that made it once its transaction committed:
 * a user's status or platform role (`user`), one membership added, re-roled or removed
 * (`membership`), or a space gone with all its memberships (`space`).
 */
export type AccessChange =
  | { readonly kind: "user"; readonly userId: string }
  | { readonly kind: "membership"; readonly userId: string; readonly spaceId: string }
  | { readonly kind: "space"; readonly spaceId: string };

export type AccessChangeListener = (change: AccessChange) => void;

/**
 * Lets caches of access (a user's status, a caller's membership) drop an entry the moment its
 * row changes instead of waiting for its TTL. Announcements stay in this process: only where this
 * process is the whole deployment (`hearsEveryChange`) may those caches rely on them and keep
 * entries long; elsewhere a change made on another node still reaches them only by expiry.
 */
export interface AccessChanges {
  readonly hearsEveryChange: boolean;
  /** Call after the commit: a cache re-reading meanwhile would otherwise store the old row again. */
  announce(change: AccessChange): void;
  /** Returns the unsubscribe. A listener that throws does not keep the others from hearing. */
  subscribe(listener: AccessChangeListener): () => void;
}

export function createAccessChanges(options: {
  readonly hearsEveryChange: boolean;
  /** A listener threw: told here, since the announcing use case has committed and must not fail. */
  readonly onListenerError: (error: unknown, change: AccessChange) => void;
}): AccessChanges {
  const listeners = new Set<AccessChangeListener>();
  return {
    hearsEveryChange: options.hearsEveryChange,
    announce(change) {
      for (const listener of listeners) {
        try {
          listener(change);
        } catch (error) {
          options.onListenerError(error, change);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
