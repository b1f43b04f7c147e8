import { Transform } from 'class-transformer';
import { BooleanSpelling } from '../../../core/http/transforms';

/** Form bodies and query strings carry text: "true"/"false"/"1"/"0" (and Django's other spellings) are booleans. */
export const FORM_BOOLEANS: BooleanSpelling = {
  true: ['true', 'True', 'TRUE', '1', 'on', 'yes'],
  false: ['false', 'False', 'FALSE', '0', 'off', 'no'],
  trim: true,
};

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
