import { Injectable } from '@nestjs/common';
import { ChangeFeed } from '../database/change-feed';
import { InvalidatedCache } from '../database/invalidated-cache';

export interface CachedSession {
  userId: string;
  accountId: string;
  isSuperuser: boolean;
  /** Epoch milliseconds: a cached session still ends when the stored one does. */
  expiresAt: number;
}

/**
 * Live user sessions by session id. Logout (auth_session.revoked_at), deactivation, a superuser flag
 * change or deletion of the user fire triggers whose NOTIFY evicts the entries in every process.
 */
@Injectable()
export class SessionPrincipalCache {
  private readonly cache: InvalidatedCache<CachedSession>;

  constructor(feed: ChangeFeed) {
    this.cache = new InvalidatedCache<CachedSession>(feed, { ttlMs: 60_000, maxEntries: 20_000 });
    feed.subscribe((event) => {
      if (event.kind === 'all') this.cache.clear();
      else if (event.kind === 'session') this.cache.delete(event.id);
      else if (event.kind === 'user') this.cache.deleteGroup(event.id);
    });
  }

  ticket(): number {
    return this.cache.ticket();
  }

  get(sessionId: string): CachedSession | undefined {
    const hit = this.cache.get(sessionId);
    if (hit && hit.expiresAt <= Date.now()) {
      this.cache.delete(sessionId);
      return undefined;
    }
    return hit;
  }

  set(sessionId: string, session: CachedSession, ticket: number): void {
    this.cache.set(sessionId, session, ticket, session.userId);
  }

  evict(sessionId: string): void {
    this.cache.delete(sessionId);
  }
}
