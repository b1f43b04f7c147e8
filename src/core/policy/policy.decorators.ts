import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiSecurity, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { PolicyAction, PolicySubject } from './app-ability';
import { ErrorResponseDoc } from '../http/error-response.doc';

export const POLICY_KEY = 'policy:requirement';

/** Where the guard finds the id of the object a route acts on. */
export interface SubjectSource {
  param?: string;
  query?: string;
  body?: string;
  /** The query string, else the body: for dialects that take input either way (Organizations). */
  input?: string;
}

export type PolicyRequirement =
  | { kind: 'public' }
  | { kind: 'authenticated' }
  | { kind: 'can'; action: PolicyAction; subject: PolicySubject; source?: SubjectSource };

function secured(requirement: PolicyRequirement, withObject: boolean) {
  return applyDecorators(
    SetMetadata(POLICY_KEY, requirement),
    ApiBearerAuth('bearer'),
    ApiSecurity('oauth2', []),
    ApiUnauthorizedResponse({ description: 'No token, or a bad, expired or revoked one.', type: ErrorResponseDoc }),
    ApiForbiddenResponse({ description: 'The caller may not do this.', type: ErrorResponseDoc }),
    ...(withObject ? [ApiNotFoundResponse({ description: 'No such object in the caller\'s account.', type: ErrorResponseDoc })] : []),
  );
}

/**
 * The one declaration a route makes about who may call it. With a `source`, the guard loads that
 * object through its subject loader (404 when absent or in another account) and checks the
 * ability against it; without one, against the subject type.
 */
export function Can(action: PolicyAction, subject: PolicySubject, source?: SubjectSource) {
  return secured({ kind: 'can', action, subject, source }, Boolean(source));
}

/** Any valid token, whoever holds it (e.g. logging out). */
export function Authenticated() {
  return secured({ kind: 'authenticated' }, false);
}

/** No token needed: token endpoints, health, docs. */
export function Public() {
  return SetMetadata(POLICY_KEY, { kind: 'public' } satisfies PolicyRequirement);
}
