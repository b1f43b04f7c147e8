/**
 * Policy subjects of the Triboo dialect. Courses themselves are the core subjects 'Course' and
 * 'Courses' (a course is a channel), so Triboo's Studio Admin grant reaches every course route.
 */
export const TRIBOO_SUBJECTS = ['TribooUser', 'TribooCourse', 'TribooEnrollment', 'TribooReport', 'BulkEnrollment'] as const;
export type TribooSubject = (typeof TRIBOO_SUBJECTS)[number];

declare module '../../core/policy/app-ability' {
  interface PolicySubjects extends Record<TribooSubject, true> {}
}
