/**
 * A long list of values as one bind parameter that PostgreSQL splits with string_to_array: for
 * 100,000 values this skips node-postgres' per-element array escaping (about ten times slower than
 * a join) and PostgreSQL's array-literal parsing. `listSql(n)` is the SQL of the text[] it yields,
 * from parameters $n (the joined text) and $n+1 (the same list as an array, used only when the text
 * cannot carry it); `listParams(values)` are those two parameters.
 *
 * The text is newline-joined with NULL as the empty string, so a list holding a value with a
 * newline or an empty string travels as the array instead (bulk identifiers never do: they are
 * split on whitespace).
 */
export function listSql(n: number): string {
  return `coalesce(string_to_array($${n}::text, E'\\n', ''), $${n + 1}::text[])`;
}

export function listParams(values: readonly (string | null)[]): [string | null, (string | null)[] | null] {
  for (const v of values) if (v === '' || (v !== null && v.includes('\n'))) return [null, [...values]];
  const text = values.map((v) => v ?? '').join('\n');
  // One NULL joins to '', which string_to_array reads as no element at all.
  if (text === '' && values.length) return [null, [...values]];
  return [text, null];
}
