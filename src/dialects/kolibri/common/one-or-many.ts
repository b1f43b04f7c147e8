import { Type } from '@nestjs/common';
import { ApiError } from '../../../core/http/api-error';
import { createValidationPipe } from '../../../core/http/validation';
import { KOLIBRI_ID_PATTERN } from './kolibri-ids';

const pipe = createValidationPipe();
export const MAX_BULK_ITEMS = 10_000;
/** The bound a Kolibri list answer documents (lists are plain arrays, unpaged). */
export const MAX_LIST_ITEMS = 100_000;

/** True when the item has exactly these keys, each a Kolibri id string (or passing its own test). */
export function hasOnly(item: Record<string, unknown>, fields: Record<string, (v: unknown) => boolean>): boolean {
  const keys = Object.keys(item);
  return keys.length === Object.keys(fields).length && keys.every((k) => fields[k]?.(item[k]) === true);
}

export const isIdString = (v: unknown): boolean => typeof v === 'string' && KOLIBRI_ID_PATTERN.test(v);

/**
 * Kolibri's bulk create: the body is one object or an array of them. Each item is validated by
 * the same pipe as every other body (unknown field, wrong type → 400).
 */
export async function oneOrMany<T extends object>(dto: Type<T>, body: unknown, isPlainValid?: (item: Record<string, unknown>) => boolean): Promise<{ items: T[]; many: boolean }> {
  const many = Array.isArray(body);
  const raw = many ? (body as unknown[]) : [body];
  if (!raw.length) throw ApiError.badRequest('Expected at least one item.');
  if (raw.length > MAX_BULK_ITEMS) throw ApiError.badRequest(`At most ${MAX_BULK_ITEMS} items per request.`);
  const items: T[] = [];
  for (const item of raw) {
    if (!item || typeof item !== 'object' || Array.isArray(item)) throw ApiError.badRequest('Each item must be a JSON object.');
    // Bulk bodies of thousands of rows: an item that plainly meets the DTO's rules skips the
    // (per-item costly) pipe; anything else goes through it, for the exact 400.
    if (isPlainValid?.(item as Record<string, unknown>)) items.push(Object.assign(new dto(), item));
    else items.push((await pipe.transform(item, { type: 'body', metatype: dto })) as T);
  }
  return { items, many };
}
