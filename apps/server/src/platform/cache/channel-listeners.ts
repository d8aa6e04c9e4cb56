export type ChannelListener = (message: string) => void;

/** Who listens on which broadcast channel, for a cache adapter. */
export class ChannelListeners {
  private readonly byChannel = new Map<string, Set<ChannelListener>>();

  /** True when this is the channel's first listener (the adapter starts hearing it). */
  add(channel: string, listener: ChannelListener): boolean {
    const listeners = this.byChannel.get(channel);
    if (listeners) {
      listeners.add(listener);
      return false;
    }
    this.byChannel.set(channel, new Set([listener]));
    return true;
  }

  /** True when the channel has no listener left (the adapter stops hearing it). */
  remove(channel: string, listener: ChannelListener): boolean {
    const listeners = this.byChannel.get(channel);
    if (!listeners?.delete(listener) || listeners.size > 0) return false;
    this.byChannel.delete(channel);
    return true;
  }

  deliver(channel: string, message: string): void {
    for (const listener of this.byChannel.get(channel) ?? []) listener(message);
  }

  clear(): void {
    this.byChannel.clear();
  }
}
