import { Transform } from 'class-transformer';

/**
 * A repeated query parameter (`roles=A&roles=B`) → array; a single value → one-element array; a
 * comma-separated value (`roles=A,B`, as some clients send arrays) → its parts.
 */
export const ToArray = () =>
  Transform(({ value }) => {
    if (value === undefined) return value;
    const list: unknown[] = Array.isArray(value) ? value : [value];
    return list.flatMap((v) => (typeof v === 'string' && v.includes(',') ? v.split(',').map((p) => p.trim()) : [v]));
  });
