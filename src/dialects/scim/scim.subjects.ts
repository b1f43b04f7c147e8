/** Policy subjects of the SCIM dialect: held by account administrators (API clients, SCIM tokens, admin roles) only. */
export const SCIM_SUBJECTS = ['ScimUser', 'ScimGroup'] as const;
export type ScimSubject = (typeof SCIM_SUBJECTS)[number];

declare module '../../core/policy/app-ability' {
  interface PolicySubjects extends Record<ScimSubject, true> {}
}
