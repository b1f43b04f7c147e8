import { AttrPath, parseAttrPath } from '../common/filter-parser';
import { Json, isObject, keyOf } from '../common/json';
import { PatchOperation } from '../common/patch-ops';
import { scimError } from '../common/scim-error';
import { ENTERPRISE_URN, USER_URN } from '../common/urns';
import { matchesValue, pinnedBy } from '../common/value-match';

/** Attributes a client may not write (RFC 7643 mutability readOnly); a PATCH naming them answers 400 mutability. */
const READ_ONLY = new Set(['id', 'meta', 'groups', 'schemas']);

const noTarget = (detail: string) => scimError(400, 'noTarget', detail);

/** The object an attribute lives in (the resource, or its enterprise extension, made on demand) and its key there. */
function holderOf(doc: Json, attr: AttrPath, create: boolean): { holder: Json | undefined; key: string } {
  const uri = attr.uri?.toLowerCase();
  if (uri === ENTERPRISE_URN.toLowerCase()) {
    let ext = doc[ENTERPRISE_URN];
    if (!isObject(ext) && create) ext = doc[ENTERPRISE_URN] = {};
    return { holder: isObject(ext) ? ext : undefined, key: attr.name };
  }
  if (uri && uri !== USER_URN.toLowerCase()) throw scimError(400, 'invalidPath', `Unknown schema ${attr.uri!.slice(0, 200)}.`);
  if (READ_ONLY.has(attr.name.toLowerCase())) throw scimError(400, 'mutability', `${attr.name} is read-only.`);
  return { holder: doc, key: attr.name };
}

function setKey(o: Json, name: string, value: unknown): void {
  o[keyOf(o, name) ?? name] = value;
}

function deleteKey(o: Json, name: string): void {
  const k = keyOf(o, name);
  if (k !== undefined) delete o[k];
}

/** add merges into what is there (a list grows, an object takes the new sub-attributes); replace overwrites. */
function write(o: Json, name: string, value: unknown, op: 'add' | 'replace'): void {
  const k = keyOf(o, name);
  const current = k === undefined ? undefined : o[k];
  if (op === 'add' && Array.isArray(current) && Array.isArray(value)) o[k!] = [...current, ...value];
  else if (op === 'add' && Array.isArray(current) && isObject(value)) o[k!] = [...current, value];
  else if (isObject(current) && isObject(value) && k !== undefined) o[k] = { ...current, ...value };
  else setKey(o, name, value);
}

/** add/replace without a path: each key of the value object is an attribute (or a path, or an extension). */
function applyWithoutPath(doc: Json, op: 'add' | 'replace', value: unknown): void {
  if (!isObject(value)) throw scimError(400, 'invalidValue', `An ${op} without a path needs an object value.`);
  for (const [key, v] of Object.entries(value)) {
    if (key.toLowerCase() === ENTERPRISE_URN.toLowerCase()) {
      if (!isObject(v)) throw scimError(400, 'invalidValue', `${ENTERPRISE_URN} must be an object.`);
      for (const [ek, ev] of Object.entries(v)) applyPath(doc, { op, path: { attr: { uri: ENTERPRISE_URN, name: ek } }, value: ev });
    } else if (key.toLowerCase() === 'schemas') {
      continue;
    } else {
      const attr = parseAttrPath(key, (detail) => scimError(400, 'invalidPath', detail));
      applyPath(doc, { op, path: { attr }, value: v });
    }
  }
}

function applyPath(doc: Json, operation: PatchOperation): void {
  const { op, path, value } = operation;
  const { attr, filter, subAfterFilter } = path!;
  const { holder, key } = holderOf(doc, attr, op !== 'remove');
  if (!holder) return; // removing from an extension the user does not have: nothing to do
  if (!filter) {
    if (!attr.sub) return op === 'remove' ? deleteKey(holder, key) : write(holder, key, value, op);
    const currentKey = keyOf(holder, key);
    let parent = currentKey === undefined ? undefined : holder[currentKey];
    if (Array.isArray(parent)) {
      for (const item of parent) if (isObject(item)) (op === 'remove' ? deleteKey(item, attr.sub) : setKey(item, attr.sub, value));
      return;
    }
    if (!isObject(parent)) {
      if (op === 'remove') return;
      parent = {};
      setKey(holder, key, parent);
    }
    return op === 'remove' ? deleteKey(parent as Json, attr.sub) : write(parent as Json, attr.sub, value, op);
  }
  const listKey = keyOf(holder, key);
  const list = listKey === undefined ? [] : holder[listKey];
  if (!Array.isArray(list)) throw scimError(400, 'invalidPath', `${key} is not multi-valued.`);
  const matched = list.filter((item) => isObject(item) && matchesValue(item, filter));
  if (!matched.length) {
    if (op === 'remove') return;
    // Entra ID adds `emails[type eq "work"].value` for a user with no work email yet: the filter's eq terms make the new value.
    const pinned = pinnedBy(filter);
    if (!pinned) throw noTarget(`No value of ${key} matches the filter.`);
    const item: Json = subAfterFilter ? { ...pinned, [subAfterFilter]: value } : { ...pinned, ...(isObject(value) ? value : {}) };
    setKey(holder, key, [...list, item]);
    return;
  }
  if (op === 'remove') {
    const kept = list.filter((item) => !matched.includes(item));
    if (subAfterFilter) for (const item of matched) deleteKey(item as Json, subAfterFilter);
    setKey(holder, key, subAfterFilter ? list : kept);
    return;
  }
  for (const item of matched as Json[]) {
    if (subAfterFilter) setKey(item, subAfterFilter, value);
    else if (isObject(value)) Object.assign(item, op === 'replace' ? value : { ...value });
    else throw scimError(400, 'invalidValue', `A value for ${key}[...] must be an object.`);
  }
}

/**
 * Applies the operations, in order, to a copy of the user's resource (RFC 7644 section 3.5.2): the result is then
 * read like a PUT body, so PATCH and PUT apply the same rules. This works on one user's document only.
 */
export function applyUserPatch(resource: Json, operations: PatchOperation[]): Json {
  const doc = structuredClone(resource);
  for (const operation of operations) {
    if (!operation.path) {
      if (operation.op === 'remove') throw noTarget('A remove operation needs a path.');
      applyWithoutPath(doc, operation.op, operation.value);
    } else applyPath(doc, operation);
  }
  return doc;
}
