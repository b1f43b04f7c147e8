import { subject as asSubject } from '@casl/ability';
import { ApiError } from '../../../core/http/api-error';
import { AppAbility, PolicyAction } from '../../../core/policy/app-ability';

/**
 * Turns a field of a subject's ability conditions into SQL. `p` is the parameter placeholder of
 * an array holding the allowed values (an equality becomes a one-element array).
 */
export type ColumnMap = Record<string, (p: string) => string>;

export interface SqlFilter {
  sql: string;
  params: unknown[];
}

/**
 * The list-query form of the principal's abilities: exactly the rules `ability.can(action, X)`
 * evaluates for a single object, so lists and single reads never disagree. Parameters are
 * numbered from `offset + 1`.
 */
export function readFilter(ability: AppAbility, action: PolicyAction, subject: string, columns: ColumnMap, offset: number): SqlFilter {
  const params: unknown[] = [];
  const ors: string[] = [];
  for (const rule of ability.rulesFor(action, subject)) {
    if (rule.inverted) {
      if (!rule.conditions) break; // a later-priority blanket denial: nothing below it applies
      throw new Error(`conditional inverted rules are not translated (${subject})`);
    }
    if (rule.fields) continue; // a field-level grant does not grant whole rows
    if (!rule.conditions) return { sql: 'TRUE', params: [] };
    const ands: string[] = [];
    for (const [field, cond] of Object.entries(rule.conditions as Record<string, unknown>)) {
      const column = columns[field];
      if (!column) throw new Error(`no column for ${subject}.${field}`);
      const values = cond && typeof cond === 'object' && '$in' in (cond as object) ? (cond as { $in: unknown[] }).$in : [cond];
      params.push(values);
      ands.push(column(`$${offset + params.length}`));
    }
    ors.push(ands.length ? `(${ands.join(' AND ')})` : 'TRUE');
  }
  return { sql: ors.length ? `(${ors.join(' OR ')})` : 'FALSE', params };
}

/**
 * For writes whose object does not exist yet (create) or is computed in the service (bulk items):
 * the same ability the guard uses, checked against the would-be object's attributes.
 */
export function assertCan(ability: AppAbility, action: PolicyAction, subject: string, attrs: Record<string, unknown>, field?: string): void {
  if (!ability.can(action, asSubject(subject, { ...attrs }), field)) throw ApiError.forbidden(field ? `You may not change ${field}.` : undefined);
}
