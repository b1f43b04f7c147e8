import { subject as asSubject } from '@casl/ability';
import { ApiError } from '../http/api-error';
import { AppAbility, PolicyAction, PolicySubject } from './app-ability';

/**
 * For writes whose object does not exist yet (create) or is computed in the service (bulk items):
 * the same ability the guard uses, checked against the would-be object's attributes.
 */
export function assertCan(ability: AppAbility, action: PolicyAction, subject: PolicySubject, attrs: Record<string, unknown>, field?: string): void {
  if (!ability.can(action, asSubject(subject, { ...attrs }), field)) throw ApiError.forbidden(field ? `You may not change ${field}.` : undefined);
}
