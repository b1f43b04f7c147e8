import { Transform } from 'class-transformer';

const TRUE = new Set(['true', 'True', 'TRUE', '1', 'on', 'yes']);
const FALSE = new Set(['false', 'False', 'FALSE', '0', 'off', 'no']);

/** Form bodies and query strings carry text: "true"/"false"/"1"/"0" become booleans; anything else is left for @IsBoolean to refuse. */
export const ToBoolean = () =>
  Transform(({ value }) => {
    if (typeof value === 'string') {
      if (TRUE.has(value.trim())) return true;
      if (FALSE.has(value.trim())) return false;
    }
    return value;
  });

/** "42" becomes 42; anything else is left for @IsInt to refuse. */
export const ToInteger = () =>
  Transform(({ value }) => (typeof value === 'string' && /^-?\d{1,9}$/.test(value.trim()) ? Number(value.trim()) : value));

/** An empty form value means "no value" for optional nullable fields. */
export const EmptyToNull = () => Transform(({ value }) => (value === '' ? null : value));

/**
 * `a,b,c` (or a repeated parameter) as a list; the seed's `?user_id=1,2/` form carries a trailing
 * slash in the value, which is dropped.
 */
export function splitList(value: unknown): string[] {
  const parts = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : [];
  return parts
    .flatMap((p) => p.split(','))
    .map((p) => p.trim().replace(/\/+$/, '').trim())
    .filter((p) => p !== '');
}

export const ToList = () => Transform(({ value }) => (value === undefined ? undefined : splitList(value)));
