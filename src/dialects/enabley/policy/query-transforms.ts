import { Transform } from 'class-transformer';

/** "true"/"false" in a query string → boolean; anything else is left for @IsBoolean to refuse. */
export const ToBoolean = () =>
  Transform(({ value }) => {
    if (value === 'true' || value === true) return true;
    if (value === 'false' || value === false) return false;
    return value;
  });

/** A decimal integer in a query string → number; anything else is left for @IsInt to refuse. */
export const ToInt = () => Transform(({ value }) => (typeof value === 'string' && /^-?\d{1,10}$/.test(value) ? Number(value) : value));

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
