import { Filter } from '../common/filter-parser';
import { isObject } from '../common/json';
import { PatchOperation } from '../common/patch-ops';
import { scimError } from '../common/scim-error';
import { GROUP_URN } from '../common/urns';
import { memberIds, text } from './group.input';

/**
 * What a Group PatchOp does, as set operations: a rename, a new identifier, and the member ids to add and remove
 * (or the whole member list to replace). Members are never loaded to apply a PATCH: a 1,000-member add is one
 * INSERT, whatever the group holds.
 */
export interface GroupPatchPlan {
  name?: string;
  identifier?: string;
  /** The identifier goes back to the group's id (externalId removed). */
  clearIdentifier?: boolean;
  /** Replace every member by these (a `replace` of members, or a `remove` of all of them: []). */
  replaceMembers?: Set<string>;
  add: Set<string>;
  remove: Set<string>;
}

const invalidPath = (detail: string) => scimError(400, 'invalidPath', detail);

/** The user ids `members[value eq "a" or value eq "b"]` names; any other filter is not one this server applies. */
function filteredIds(filter: Filter): string[] {
  if (filter.op === 'or') return [...filteredIds(filter.left), ...filteredIds(filter.right)];
  if (filter.op === 'eq' && filter.attr.name.toLowerCase() === 'value' && !filter.attr.sub && typeof filter.value === 'string') return memberIds({ value: filter.value });
  throw scimError(400, 'invalidFilter', 'A members filter must be value eq "<user id>" (or several joined with or).');
}

function addMembers(plan: GroupPatchPlan, ids: string[]): void {
  for (const id of ids) {
    plan.remove.delete(id);
    if (plan.replaceMembers) plan.replaceMembers.add(id);
    else plan.add.add(id);
  }
}

function removeMembers(plan: GroupPatchPlan, ids: string[]): void {
  for (const id of ids) {
    plan.add.delete(id);
    if (plan.replaceMembers) plan.replaceMembers.delete(id);
    else plan.remove.add(id);
  }
}

function setAttribute(plan: GroupPatchPlan, op: 'add' | 'replace' | 'remove', name: string, value: unknown): void {
  switch (name.toLowerCase()) {
    case 'displayname':
      if (op === 'remove') throw scimError(400, 'invalidValue', 'displayName is required: it can be replaced, not removed.');
      plan.name = text(value, 'displayName');
      return;
    case 'externalid':
      if (op === 'remove' || value === null) {
        plan.clearIdentifier = true;
        delete plan.identifier;
      } else {
        plan.identifier = text(value, 'externalId');
        delete plan.clearIdentifier;
      }
      return;
    case 'members':
      if (op === 'remove') {
        // Entra ID removes members as {path: "members", value: [{value}]}; without a value, all of them go.
        if (value === undefined) {
          plan.replaceMembers = new Set();
          plan.add.clear();
          plan.remove.clear();
        } else removeMembers(plan, memberIds(value));
      } else if (op === 'replace') {
        plan.replaceMembers = new Set(memberIds(value ?? []));
        plan.add.clear();
        plan.remove.clear();
      } else addMembers(plan, memberIds(value));
      return;
    case 'id':
    case 'schemas':
    case 'meta':
      throw scimError(400, 'mutability', `${name} is read-only.`);
    default:
      throw invalidPath(`A Group has no attribute "${name.slice(0, 100)}" this server writes.`);
  }
}

/** RFC 7644 section 3.5.2 over a Group, in order; op names were already folded (Entra's "Replace", "Add"). */
export function planGroupPatch(operations: PatchOperation[]): GroupPatchPlan {
  const plan: GroupPatchPlan = { add: new Set(), remove: new Set() };
  for (const { op, path, value } of operations) {
    if (!path) {
      // Okta and Entra rename with {op: "replace", value: {id, displayName}}: the id they echo is not a change.
      if (!isObject(value)) throw scimError(400, 'invalidValue', `An ${op} without a path needs an object value.`);
      for (const [key, v] of Object.entries(value)) if (!['id', 'schemas'].includes(key.toLowerCase())) setAttribute(plan, op, key, v);
      continue;
    }
    const { attr, filter, subAfterFilter } = path;
    if (attr.uri && attr.uri.toLowerCase() !== GROUP_URN.toLowerCase()) throw invalidPath(`Unknown schema ${attr.uri.slice(0, 200)}.`);
    if (attr.sub) throw invalidPath(`${attr.name}.${attr.sub} is not a path this server writes.`);
    if (!filter) {
      setAttribute(plan, op, attr.name, value);
      continue;
    }
    if (attr.name.toLowerCase() !== 'members' || subAfterFilter) throw invalidPath('Only members[value eq "<user id>"] takes a value filter.');
    // RFC 7644 3.5.2.3 and 3.5.2.4: remove takes the matched members out; replace (or add) puts the value's members in their place.
    removeMembers(plan, filteredIds(filter));
    if (op !== 'remove') addMembers(plan, memberIds(value));
  }
  return plan;
}
