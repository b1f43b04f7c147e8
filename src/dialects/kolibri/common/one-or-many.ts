import { Type } from '@nestjs/common';
import { ApiError } from '../../../core/http/api-error';
import { createValidationPipe } from '../../../core/http/validation';

const pipe = createValidationPipe();
export const MAX_BULK_ITEMS = 10_000;

/**
 * Kolibri's bulk create: the body is one object or an array of them. Each item is validated by
 * the same pipe as every other body (unknown field, wrong type → 400).
 */
export async function oneOrMany<T extends object>(dto: Type<T>, body: unknown): Promise<{ items: T[]; many: boolean }> {
  const many = Array.isArray(body);
  const raw = many ? (body as unknown[]) : [body];
  if (!raw.length) throw ApiError.badRequest('Expected at least one item.');
  if (raw.length > MAX_BULK_ITEMS) throw ApiError.badRequest(`At most ${MAX_BULK_ITEMS} items per request.`);
  const items: T[] = [];
  for (const item of raw) {
    if (!item || typeof item !== 'object' || Array.isArray(item)) throw ApiError.badRequest('Each item must be a JSON object.');
    items.push((await pipe.transform(item, { type: 'body', metatype: dto })) as T);
  }
  return { items, many };
}
