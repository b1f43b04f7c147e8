export type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The key of `o` that names `name`: SCIM attribute names are case-insensitive. */
export const keyOf = (o: Json, name: string): string | undefined => Object.keys(o).find((k) => k.toLowerCase() === name.toLowerCase());

/** Case-insensitive attribute access. */
export function get(o: Json, name: string): unknown {
  const key = keyOf(o, name);
  return key === undefined ? undefined : o[key];
}
