import { Transform } from 'class-transformer';

/**
 * Query-string boolean: "true"/"false" (any case) become booleans; anything else is left as is so
 * @IsBoolean() answers 400.
 */
export function ToBoolean() {
  return Transform(({ value }) => {
    if (typeof value !== 'string') return value;
    const v = value.trim().toLowerCase();
    return v === 'true' ? true : v === 'false' ? false : value;
  });
}

/** Query-string list: a single value becomes a one-element array. */
export function ToArray() {
  return Transform(({ value }) => (value === undefined || Array.isArray(value) ? value : [value]));
}
