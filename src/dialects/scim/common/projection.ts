import { AttrPath, parseAttrPath } from './filter-parser';
import { scimError } from './scim-error';
import { ENTERPRISE_URN } from './urns';

type Json = Record<string, unknown>;

/** Always returned whatever the client asks (RFC 7643 section 2.4, `returned: always`). */
const ALWAYS = new Set(['id', 'schemas']);

function paths(list: string | undefined): AttrPath[] {
  if (!list) return [];
  return list
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => parseAttrPath(p, (detail) => scimError(400, 'invalidValue', detail)));
}

/** The object an attribute path lives in: the resource, or the extension's object when its URI names one. */
function scopeOf(resource: Json, p: AttrPath): { holder: Json | undefined; key: string } {
  if (p.uri && p.uri.toLowerCase() === ENTERPRISE_URN.toLowerCase()) {
    return { holder: resource[ENTERPRISE_URN] as Json | undefined, key: p.name };
  }
  return { holder: resource, key: p.name };
}

const findKey = (o: Json, name: string) => Object.keys(o).find((k) => k.toLowerCase() === name.toLowerCase());

/** The names a resource will be projected on, lower-cased: what a repository may leave unread. */
export function excludedNames(excludedAttributes: string | undefined): Set<string> {
  return new Set(paths(excludedAttributes).map((p) => p.name.toLowerCase()));
}

export function wantsAttribute(name: string, q: { attributes?: string; excludedAttributes?: string }): boolean {
  const lower = name.toLowerCase();
  if (paths(q.excludedAttributes).some((p) => !p.sub && p.name.toLowerCase() === lower)) return false;
  const only = paths(q.attributes);
  return !only.length || only.some((p) => p.name.toLowerCase() === lower);
}

/**
 * Applies `attributes` (keep only these, plus id and schemas) or else `excludedAttributes` (drop these).
 * Attribute names are case-insensitive; `name.givenName` reaches a sub-attribute, a URN prefix the extension.
 */
export function project(resource: Json, q: { attributes?: string; excludedAttributes?: string }): Json {
  const only = paths(q.attributes);
  if (only.length) {
    const out: Json = {};
    for (const k of Object.keys(resource)) if (ALWAYS.has(k)) out[k] = resource[k];
    for (const p of only) {
      const { holder, key } = scopeOf(resource, p);
      if (!holder) continue;
      const found = findKey(holder, key);
      if (!found || ALWAYS.has(found)) continue;
      const target = holder === resource ? out : ((out[ENTERPRISE_URN] as Json | undefined) ?? (out[ENTERPRISE_URN] = {}));
      const value = holder[found];
      if (!p.sub) target[found] = value;
      else if (value && typeof value === 'object' && !Array.isArray(value)) {
        const sub = findKey(value as Json, p.sub);
        if (sub) target[found] = { ...((target[found] as Json | undefined) ?? {}), [sub]: (value as Json)[sub] };
      } else if (Array.isArray(value)) {
        target[found] = value.map((item: Json) => {
          const sub = findKey(item, p.sub!);
          return sub ? { [sub]: item[sub] } : {};
        });
      }
    }
    return out;
  }
  const out: Json = { ...resource };
  for (const p of paths(q.excludedAttributes)) {
    const { holder, key } = scopeOf(out, p);
    if (!holder) continue;
    const found = findKey(holder, key);
    if (!found || ALWAYS.has(found)) continue;
    const copy = holder === out ? out : (out[ENTERPRISE_URN] = { ...holder });
    if (!p.sub) delete (copy as Json)[found];
    else if ((copy as Json)[found] && typeof (copy as Json)[found] === 'object' && !Array.isArray((copy as Json)[found])) {
      const inner = { ...((copy as Json)[found] as Json) };
      const sub = findKey(inner, p.sub);
      if (sub) delete inner[sub];
      (copy as Json)[found] = inner;
    }
  }
  return out;
}
