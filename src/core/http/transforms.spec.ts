import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { BooleanSpelling, ToBoolean, ToInt, Trim } from './transforms';

const FORM: BooleanSpelling = { true: ['1', 'yes'], false: ['0', 'no'], trim: true };

class Input {
  @Trim() name?: unknown;
  @ToBoolean() plain?: unknown;
  @ToBoolean(FORM) form?: unknown;
  @ToBoolean({ true: [1], false: [0, ''] }) numeric?: unknown;
  @ToInt({ digits: 3 }) small?: unknown;
  @ToInt({ digits: 3, trim: true }) padded?: unknown;
}

const read = (plain: Record<string, unknown>) => plainToInstance(Input, plain) as Record<string, unknown>;

describe('shared input transforms', () => {
  it('trims strings and leaves other values alone', () => {
    expect(read({ name: '  Sales ' }).name).toBe('Sales');
    expect(read({ name: 7 }).name).toBe(7);
  });

  it('reads true and false only in the given spelling, leaving the rest for @IsBoolean', () => {
    expect(read({ plain: 'true' }).plain).toBe(true);
    expect(read({ plain: 'false' }).plain).toBe(false);
    expect(read({ plain: true }).plain).toBe(true);
    expect(read({ plain: '1' }).plain).toBe('1');
    expect(read({ plain: ' true' }).plain).toBe(' true');
    expect(read({ form: ' yes ' }).form).toBe(true);
    expect(read({ form: '0' }).form).toBe(false);
    expect(read({ form: 'true' }).form).toBe('true');
    expect(read({ form: 1 }).form).toBe(1);
    expect(read({ numeric: 1 }).numeric).toBe(true);
    expect(read({ numeric: '' }).numeric).toBe(false);
    expect(read({ numeric: '1' }).numeric).toBe('1');
  });

  it('reads decimal integers up to the digit bound, leaving the rest for @IsInt', () => {
    expect(read({ small: '-42' }).small).toBe(-42);
    expect(read({ small: '1234' }).small).toBe('1234');
    expect(read({ small: '4.2' }).small).toBe('4.2');
    expect(read({ small: ' 42' }).small).toBe(' 42');
    expect(read({ padded: ' 42 ' }).padded).toBe(42);
    expect(read({ small: 42 }).small).toBe(42);
  });
});
