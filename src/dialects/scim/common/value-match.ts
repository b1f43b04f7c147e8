import { Filter } from './filter-parser';

type Json = Record<string, unknown>;

const field = (item: Json, name: string) => {
  const key = Object.keys(item).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : item[key];
};

/**
 * Whether one value of a multi-valued attribute (an email, a member) matches a PATCH path's value filter,
 * `emails[type eq "work"]`: strings compare case-insensitively, as the attributes this applies to are
 * caseExact false (a member's `value` is a lower-case UUID, so it matches either way).
 */
export function matchesValue(item: Json, filter: Filter): boolean {
  switch (filter.op) {
    case 'and':
      return matchesValue(item, filter.left) && matchesValue(item, filter.right);
    case 'or':
      return matchesValue(item, filter.left) || matchesValue(item, filter.right);
    case 'not':
      return !matchesValue(item, filter.filter);
    case 'valuePath':
      return false;
    case 'pr': {
      const v = field(item, filter.attr.name);
      return v !== undefined && v !== null && v !== '';
    }
    default: {
      const raw = field(item, filter.attr.name);
      const norm = (v: unknown) => (typeof v === 'string' ? (/^(true|false)$/i.test(v) && typeof filter.value === 'boolean' ? v.toLowerCase() === 'true' : v.toLowerCase()) : v);
      const a = norm(raw);
      const b = norm(filter.value);
      switch (filter.op) {
        case 'eq':
          return a === b || (raw === undefined && b === null);
        case 'ne':
          return a !== b;
        case 'co':
          return typeof a === 'string' && typeof b === 'string' && a.includes(b);
        case 'sw':
          return typeof a === 'string' && typeof b === 'string' && a.startsWith(b);
        case 'ew':
          return typeof a === 'string' && typeof b === 'string' && a.endsWith(b);
        default: {
          if (a === undefined || a === null || b === null || typeof a !== typeof b) return false;
          const cmp = (a as string | number) < (b as string | number) ? -1 : a === b ? 0 : 1;
          return { gt: cmp > 0, ge: cmp >= 0, lt: cmp < 0, le: cmp <= 0 }[filter.op];
        }
      }
    }
  }
}

/** The attributes a value filter pins with `eq` (`type eq "work" and primary eq true`): what Entra's add into an empty slot creates. */
export function pinnedBy(filter: Filter): Json | null {
  if (filter.op === 'eq') return { [filter.attr.name]: filter.value };
  if (filter.op === 'and') {
    const left = pinnedBy(filter.left);
    const right = pinnedBy(filter.right);
    return left && right ? { ...left, ...right } : null;
  }
  return null;
}
