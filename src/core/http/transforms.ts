import { Transform } from 'class-transformer';

/** Text fields are trimmed, so a blank one is blank to @IsNotEmpty and "Sales " is "Sales". */
export const Trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/**
 * How a dialect spells true and false in query strings and forms. Each dialect keeps the spelling its
 * clients send: widening one would accept input that dialect answers 400 today.
 */
export interface BooleanSpelling {
  readonly true: readonly unknown[];
  readonly false: readonly unknown[];
  /** Compare strings without their surrounding whitespace. */
  readonly trim?: boolean;
}

/** "true" and "false" only. */
export const PLAIN_BOOLEANS: BooleanSpelling = { true: ['true'], false: ['false'] };

/** Text to boolean in `spelling`; anything else (a boolean included) is left as it is, for @IsBoolean to judge. */
export const ToBoolean = (spelling: BooleanSpelling = PLAIN_BOOLEANS) =>
  Transform(({ value }) => {
    const word = spelling.trim && typeof value === 'string' ? value.trim() : value;
    if (spelling.true.includes(word)) return true;
    if (spelling.false.includes(word)) return false;
    return value;
  });

/**
 * A decimal integer of at most `digits` digits to a number; anything else is left for @IsInt to refuse.
 * The digit bound keeps a long digit string from becoming an imprecise number that passes @Max.
 */
export const ToInt = ({ digits, trim = false }: { digits: number; trim?: boolean }) => {
  const pattern = new RegExp(`^-?\\d{1,${digits}}$`);
  return Transform(({ value }) => {
    const text = trim && typeof value === 'string' ? value.trim() : value;
    return typeof text === 'string' && pattern.test(text) ? Number(text) : value;
  });
};
