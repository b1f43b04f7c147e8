import { ChangeFeed } from './change-feed';

export interface InvalidatedCacheOptions {
  /** A safety net only: entries are dropped as soon as the feed reports a change. */
  ttlMs: number;
  maxEntries: number;
}

interface Entry<V> {
  value: V;
  until: number;
  group?: string;
}

/**
 * A bounded in-memory map that trusts its entries only while the change feed is live. A lookup takes a
 * ticket before reading the database and stores its result with it; a change (or a feed loss or
 * reconnect) seen in between voids the ticket, so a read that raced a revocation is never cached.
 * Entries may belong to a group (a user's sessions) that one change drops together.
 */
export class InvalidatedCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly groups = new Map<string, Set<string>>();
  private epoch = 0;

  constructor(
    private readonly feed: ChangeFeed,
    private readonly opts: InvalidatedCacheOptions,
  ) {}

  ticket(): number {
    return this.epoch;
  }

  get(key: string): V | undefined {
    if (!this.feed.live) return undefined;
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (hit.until < Date.now()) {
      this.remove(key);
      return undefined;
    }
    return hit.value;
  }

  set(key: string, value: V, ticket: number, group?: string): void {
    if (!this.feed.live || ticket !== this.epoch) return;
    this.remove(key);
    // Oldest first: Map iteration is insertion order, so this drops the least recently stored entry.
    if (this.entries.size >= this.opts.maxEntries) this.remove(this.entries.keys().next().value as string);
    this.entries.set(key, { value, until: Date.now() + this.opts.ttlMs, group });
    if (group !== undefined) {
      let members = this.groups.get(group);
      if (!members) this.groups.set(group, (members = new Set()));
      members.add(key);
    }
  }

  delete(key: string): void {
    this.epoch++;
    this.remove(key);
  }

  deleteGroup(group: string): void {
    this.epoch++;
    for (const key of [...(this.groups.get(group) ?? [])]) this.remove(key);
  }

  clear(): void {
    this.epoch++;
    this.entries.clear();
    this.groups.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    if (entry.group === undefined) return;
    const members = this.groups.get(entry.group);
    members?.delete(key);
    if (members?.size === 0) this.groups.delete(entry.group);
  }
}
