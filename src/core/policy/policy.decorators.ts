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

export interface CanOptions extends SubjectSource {
  /**
   * Further subjects the route's service checks itself (a read filter, assertCan): the guard builds the
   * caller's abilities for the declared subject and these, and for nothing else.
   */
  also?: readonly PolicySubject[];
}

export type PolicyRequirement =
  | { kind: 'public' }
  | { kind: 'authenticated'; also?: readonly PolicySubject[] }
  | { kind: 'can'; action: PolicyAction; subject: PolicySubject; source?: SubjectSource; also?: readonly PolicySubject[] };

/** The subjects a requirement's abilities must cover. */
export function requiredSubjects(requirement: PolicyRequirement): PolicySubject[] {
  if (requirement.kind === 'public') return [];
  if (requirement.kind === 'authenticated') return [...(requirement.also ?? [])];
  return [requirement.subject, ...(requirement.also ?? [])];
}

function secured(requirement: PolicyRequirement, withObject: boolean) {
  return applyDecorators(
    SetMetadata(POLICY_KEY, requirement),
    ApiBearerAuth('bearer'),
    ApiSecurity('oauth2', []),
    ApiUnauthorizedResponse({ description: 'No token, or a bad, expired or revoked one.', type: ErrorResponseDoc }),
    ApiForbiddenResponse({
      description: 'The caller may not do this: its roles do not allow it, or its OAuth2 token\'s scope does not cover the method (`read`: GET and HEAD; `write`: the others).',
      type: ErrorResponseDoc,
    }),
    ...(withObject ? [ApiNotFoundResponse({ description: 'No such object in the caller\'s account.', type: ErrorResponseDoc })] : []),
  );
}

/**
 * The one declaration a route makes about who may call it. With a source (`param`, `query`, `body`,
 * `input`), the guard loads that object through its subject loader (404 when absent or in another
 * account; a loader must exist, checked at boot) and checks the ability against it; a request without
 * the value is refused. Without a source, the check is against the subject type.
 */
export function Can(action: PolicyAction, subject: PolicySubject, options: CanOptions = {}) {
  const { also, ...source } = options;
  const hasSource = Object.values(source).some((v) => v !== undefined);
  return secured({ kind: 'can', action, subject, ...(hasSource ? { source } : {}), ...(also?.length ? { also } : {}) }, hasSource);
}

/** Any valid token, whoever holds it (e.g. logging out); `also` names the subjects its service checks. */
export function Authenticated(options: { also?: readonly PolicySubject[] } = {}) {
  return secured({ kind: 'authenticated', ...(options.also?.length ? { also: options.also } : {}) }, false);
}

/** No token needed: token endpoints, health, docs. */
export function Public() {
  return SetMetadata(POLICY_KEY, { kind: 'public' } satisfies PolicyRequirement);
}
