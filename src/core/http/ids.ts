const HEX32 = /^[0-9a-f]{32}$/i;
const DASHED = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Kolibri writes ids as 32 lowercase hex digits. */
export function toHexId(uuid: string): string;
export function toHexId(uuid: string | null | undefined): string | null;
export function toHexId(uuid: string | null | undefined): string | null {
  return uuid ? uuid.replace(/-/g, '').toLowerCase() : null;
}

/** Accepts an id with or without dashes; null when it is not a UUID at all. */
export function parseUuid(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const v = value.trim().toLowerCase();
  if (DASHED.test(v)) return v;
  if (HEX32.test(v)) return `${v.slice(0, 8)}-${v.slice(8, 12)}-${v.slice(12, 16)}-${v.slice(16, 20)}-${v.slice(20)}`;
  return null;
}

/** ISO 8601 UTC with milliseconds, as every dialect writes dates. */
export function isoDate(d: Date | string | null | undefined): string | null {
  if (d === null || d === undefined) return null;
  return (d instanceof Date ? d : new Date(d)).toISOString();
}
