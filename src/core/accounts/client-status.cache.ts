import { Injectable } from '@nestjs/common';
import { ChangeFeed } from '../database/change-feed';
import { InvalidatedCache } from '../database/invalidated-cache';

/**
 * Which account an active API client belongs to, so a client's requests do not each pay a lookup.
 * Revocation anywhere (any process, any code path) fires a trigger whose NOTIFY evicts the entry here
 * within milliseconds of the commit; AccountsService also evicts at once in the revoking process.
 */
@Injectable()
export class ClientStatusCache {
  private readonly cache: InvalidatedCache<string>;

  constructor(feed: ChangeFeed) {
    this.cache = new InvalidatedCache<string>(feed, { ttlMs: 60_000, maxEntries: 10_000 });
    feed.subscribe((event) => {
      if (event.kind === 'all') this.cache.clear();
      else if (event.kind === 'client') this.cache.delete(event.id);
    });
  }

  /** Take before reading the database; pass to set(). */
  ticket(): number {
    return this.cache.ticket();
  }

  get(clientId: string): string | undefined {
    return this.cache.get(clientId);
  }

  set(clientId: string, accountId: string, ticket: number): void {
    this.cache.set(clientId, accountId, ticket);
  }

  evict(clientId: string): void {
    this.cache.delete(clientId);
  }
}
