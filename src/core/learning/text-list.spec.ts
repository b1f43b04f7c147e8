import { listParams, listSql } from './text-list';

describe('text lists', () => {
  it('joins plain values with newlines, NULL as the empty string', () => {
    expect(listParams(['a@x.com', null, 'b'])).toEqual(['a@x.com\n\nb', null]);
    expect(listParams([null, null])).toEqual(['\n', null]);
    expect(listParams([])).toEqual(['', null]);
  });

  it('falls back to the array when the text cannot say it', () => {
    expect(listParams(['a', 'b\nc'])).toEqual([null, ['a', 'b\nc']]);
    expect(listParams(['a', ''])).toEqual([null, ['a', '']]);
    expect(listParams([null])).toEqual([null, [null]]);
  });

  it('reads the text when there is one, else the array', () => {
    expect(listSql(4)).toBe(`coalesce(string_to_array($4::text, E'\\n', ''), $5::text[])`);
  });
});
