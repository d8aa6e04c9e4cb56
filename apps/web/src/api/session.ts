import type { TokenResponse, User } from "@tributary/contracts";

const storageKey = "tributary.session";

export interface Session {
  readonly accessToken: string;
  readonly refreshToken: string;
  /** Epoch ms when the access token expires. */
  readonly expiresAt: number;
  readonly user: User;
}

type Listener = (session: Session | null) => void;

/**
 * The signed-in session, kept in localStorage so a reload or a new tab stays signed in. Tabs see each
 * other's changes through the storage event, so a sign-out or a rotated refresh token reaches them all.
 */
export class SessionStore {
  private listeners = new Set<Listener>();
  private current: Session | null;

  constructor(
    private readonly storage: Storage | null = typeof localStorage === "undefined" ? null : localStorage,
  ) {
    this.current = this.read();
    if (typeof window !== "undefined") {
      window.addEventListener("storage", (event) => {
        if (event.key !== storageKey) return;
        this.current = this.read();
        this.emit();
      });
    }
  }

  get(): Session | null {
    return this.current;
  }

  /** Re-reads storage: another tab may have rotated the tokens. */
  reload(): Session | null {
    this.current = this.read();
    return this.current;
  }

  setFromTokens(tokens: TokenResponse): Session {
    const session: Session = {
      accessToken: tokens.access_token,
      refreshToken: tokens.refresh_token,
      expiresAt: Date.now() + tokens.expires_in * 1000,
      user: tokens.user,
    };
    this.write(session);
    return session;
  }

  setUser(user: User): void {
    if (this.current) this.write({ ...this.current, user });
  }

  clear(): void {
    this.write(null);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private write(session: Session | null): void {
    this.current = session;
    try {
      if (session) this.storage?.setItem(storageKey, JSON.stringify(session));
      else this.storage?.removeItem(storageKey);
    } catch {
      // Private mode or a full quota: the session lives for this tab only.
    }
    this.emit();
  }

  private read(): Session | null {
    try {
      const raw = this.storage?.getItem(storageKey);
      return raw ? (JSON.parse(raw) as Session) : null;
    } catch {
      return null;
    }
  }

  private emit(): void {
    for (const listener of this.listeners) listener(this.current);
  }
}
