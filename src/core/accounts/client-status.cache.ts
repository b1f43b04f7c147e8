import { Injectable } from '@nestjs/common';

const TTL_MS = 30_000;
const MAX_ENTRIES = 10_000;

/**
 * Remembers for a few seconds which account an active API client belongs to, so a client's
 * requests do not each pay a lookup. Revocation goes through AccountsService, which evicts the
 * entry in the same process, so a revoked client is refused from its next request on.
 */
@Injectable()
export class ClientStatusCache {
  private readonly entries = new Map<string, { accountId: string; until: number }>();

  get(clientId: string): string | undefined {
    const hit = this.entries.get(clientId);
    if (!hit) return undefined;
    if (hit.until < Date.now()) {
      this.entries.delete(clientId);
      return undefined;
    }
    return hit.accountId;
  }

  set(clientId: string, accountId: string): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(clientId, { accountId, until: Date.now() + TTL_MS });
  }

  evict(clientId: string): void {
    this.entries.delete(clientId);
  }
}
