import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ApiError } from '../../../core/http/api-error';

/** The HMAC key paginationKeys are signed with (derived from the JWT secret, see pagination.module.ts). */
export const PAGINATION_SIGNING_KEY = Symbol('ENABLEY_PAGINATION_SIGNING_KEY');

/** What a key is bound to: the route, the caller's account, the filters and the page size. */
export interface PageBinding {
  route: string;
  accountId: string;
  filters: Record<string, unknown>;
  pageSize: number;
  /**
   * The query parameters as the client sent them (filters, pageSize), carried inside the signed key so
   * that the key alone continues its query (see KeysetPaginator.restore).
   */
  query?: Record<string, unknown>;
}

/** Where the next page starts: the keyset position (last sort key(s) + id) and the page counters. */
export interface CursorState {
  after: (string | number | boolean | null)[];
  /** 1-based number of the page this key opens. */
  page: number;
  /** Counted once, on the first page, and carried along. */
  totalPages: number;
  /** Matching rows counted on the first page (lets a list pick its query plan on later pages). */
  total?: number;
}

interface Payload {
  v: 1;
  b: string;
  a: CursorState['after'];
  p: number;
  t: number;
  n?: number;
  q?: Record<string, unknown>;
  x: number;
}

const invalidKey = () => ApiError.notFound('The paginationKey is invalid, expired, or belongs to another query.');

/** Default lifetime of a paginationKey. */
export const PAGINATION_KEY_TTL_MS = 60 * 60 * 1000;

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined && v !== null && v !== '') out[k] = canonical(v);
    }
    return out;
  }
  return value;
}

/**
 * Enabley paginationKey: an opaque, HMAC-signed cursor `base64url(payload).base64url(mac)`. The payload
 * holds a hash of the query it belongs to (route + account + filters + page size), the keyset position
 * and an expiry. A key that was altered, expired, or presented for another account or another query is
 * answered 404 not_found, exactly as the seed says for an invalid key.
 */
@Injectable()
export class PaginationKeyService {
  constructor(@Inject(PAGINATION_SIGNING_KEY) private readonly signingKey: Buffer) {}

  bindingHash(binding: PageBinding): string {
    const text = JSON.stringify(canonical({ r: binding.route, a: binding.accountId, f: binding.filters, s: binding.pageSize }));
    return createHash('sha256').update(text).digest('base64url').slice(0, 22);
  }

  encode(binding: PageBinding, state: CursorState, ttlMs = PAGINATION_KEY_TTL_MS, now = Date.now()): string {
    const query = binding.query ? (canonical(binding.query) as Record<string, unknown>) : undefined;
    const payload: Payload = {
      v: 1,
      b: this.bindingHash(binding),
      a: state.after,
      p: state.page,
      t: state.totalPages,
      n: state.total,
      ...(query && Object.keys(query).length ? { q: query } : {}),
      x: Math.floor((now + ttlMs) / 1000),
    };
    const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
    return `${body}.${this.mac(body)}`;
  }

  /** The state a key carries, or 404 not_found when it is not a valid key for this very query. */
  decode(key: string, binding: PageBinding, now = Date.now()): CursorState {
    const payload = this.verify(key, now);
    if (payload.b !== this.bindingHash(binding)) throw invalidKey();
    return { after: payload.a, page: payload.p, totalPages: payload.t, total: Number.isInteger(payload.n) ? payload.n : undefined };
  }

  /** The query parameters a valid key was issued for ({} for keys that carry none); 404 not_found for an invalid key. */
  storedQuery(key: string, now = Date.now()): Record<string, unknown> {
    const q = this.verify(key, now).q;
    return q && typeof q === 'object' && !Array.isArray(q) ? q : {};
  }

  /** The payload of a key whose signature, structure and expiry are valid; 404 not_found otherwise. */
  private verify(key: string, now: number): Payload {
    const invalid = invalidKey;
    const dot = key.indexOf('.');
    if (dot <= 0 || key.length > 4096) throw invalid();
    const body = key.slice(0, dot);
    const given = Buffer.from(key.slice(dot + 1), 'base64url');
    const expected = Buffer.from(this.mac(body), 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid();
    let payload: Payload;
    try {
      payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Payload;
    } catch {
      throw invalid();
    }
    if (payload?.v !== 1 || !Array.isArray(payload.a) || !Number.isInteger(payload.p) || !Number.isInteger(payload.t) || typeof payload.x !== 'number') throw invalid();
    if (payload.x * 1000 <= now) throw invalid();
    return payload;
  }

  private mac(body: string): string {
    return createHmac('sha256', this.signingKey).update(body).digest('base64url');
  }
}
