import { AppAbility, PolicyAction, PolicySubject } from './app-ability';

/**
 * Turns a field of a subject's ability conditions into SQL. `p` is the placeholder of a parameter
 * holding the array of allowed values (an equality becomes a one-element array), so a field that
 * is an array on the object (e.g. `classroomIds`) can map to an overlap test.
 */
export type ColumnMap = Record<string, (p: string) => string>;

/**
 * A rule the read filter cannot express in SQL. This is a programming error (a rule or a column map
 * out of step with its list query), never the caller's fault: reading it as something else would
 * let a list show rows a single read refuses.
 */
export class UntranslatableRuleError extends Error {
  constructor(subject: PolicySubject, detail: string) {
    super(`read filter for ${subject}: ${detail}`);
    this.name = 'UntranslatableRuleError';
  }
}

type Scalar = string | number | boolean;
const isScalar = (v: unknown): v is Scalar => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** The values a condition allows, for the operators CASL evaluates the same way as `= ANY(...)`. */
function allowedValues(subject: PolicySubject, field: string, cond: unknown): Scalar[] {
  if (isScalar(cond)) return [cond];
  if (cond && typeof cond === 'object' && !Array.isArray(cond)) {
    const ops = Object.keys(cond);
    const list = (cond as { $in?: unknown }).$in;
    if (ops.length === 1 && ops[0] === '$in' && Array.isArray(list) && list.every(isScalar)) return list;
    throw new UntranslatableRuleError(subject, `condition on ${field} uses ${ops.join(', ') || 'an empty object'}; only equality and $in of scalars translate`);
  }
  // null matches a missing field in CASL but nothing in SQL; arrays and dates compare differently too.
  throw new UntranslatableRuleError(subject, `condition on ${field} is not a scalar (${cond === null ? 'null' : typeof cond})`);
}

/**
 * The list-query form of the principal's abilities: exactly the rules `ability.can(action, X)`
 * evaluates for a single object, so lists and single reads never disagree. The filter's values are
 * appended to `params` (the caller's own parameters come first) and the returned SQL names them
 * from `params.length + 1` on.
 */
export function readFilter(ability: AppAbility, action: PolicyAction, subject: PolicySubject, columns: ColumnMap, params: unknown[]): string {
  const start = params.length;
  const ors: string[] = [];
  for (const rule of ability.rulesFor(action, subject)) {
    if (rule.inverted) {
      if (!rule.conditions && !rule.fields) break; // a later-priority blanket denial: nothing below it applies
      throw new UntranslatableRuleError(subject, 'conditional or field-level inverted rules are not translated');
    }
    if (rule.fields) continue; // a field-level grant does not grant whole rows
    if (!rule.conditions) {
      params.length = start; // the values of narrower rules are not referenced any more
      return 'TRUE';
    }
    const ands: string[] = [];
    for (const [field, cond] of Object.entries(rule.conditions as Record<string, unknown>)) {
      const column = columns[field];
      if (!column) throw new UntranslatableRuleError(subject, `no column for ${field}`);
      params.push(allowedValues(subject, field, cond));
      ands.push(column(`$${params.length}`));
    }
    ors.push(ands.length ? `(${ands.join(' AND ')})` : 'TRUE');
  }
  return ors.length ? `(${ors.join(' OR ')})` : 'FALSE';
}
