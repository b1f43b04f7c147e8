import { Injectable } from '@nestjs/common';

interface Entry<K> {
  signature: string;
  anchors: Promise<K[]>;
}

const MAX_ENTRIES = 500;

/**
 * Page-boundary anchors of a keyset-ordered list (the first key of every page), computed in one
 * index-only scan and kept while the list's signature (e.g. count and max key) is unchanged: a
 * `page=N` request then reads its page with `key >= anchor` in constant time, never by OFFSET.
 * The signature is read from the database on every request, so an insert or delete through any
 * dialect or process invalidates the entry on the next read.
 */
@Injectable()
export class PageAnchorCache {
  private readonly entries = new Map<string, Entry<unknown>>();

  get<K>(key: string, signature: string, compute: () => Promise<K[]>): Promise<K[]> {
    const hit = this.entries.get(key) as Entry<K> | undefined;
    if (hit && hit.signature === signature) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.anchors;
    }
    const anchors = compute();
    const entry: Entry<K> = { signature, anchors };
    this.entries.delete(key);
    this.entries.set(key, entry as Entry<unknown>);
    anchors.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    while (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    return anchors;
  }

  /** Computes anchors in the background (after a first page was answered) so later pages find them ready. */
  warm<K>(key: string, signature: string, compute: () => Promise<K[]>): void {
    this.get(key, signature, compute).catch(() => undefined);
  }
}
