/** Open edX EmailEnrollmentState and ManualEnrollmentAudit transitions, as pure functions. */
export interface EnrollmentState {
  user: boolean;
  enrollment: boolean;
  allowed: boolean;
  auto_enroll: boolean;
}

export const TRANSITIONS = {
  UNENROLLED_TO_ALLOWEDTOENROLL: 'from unenrolled to allowed to enroll',
  ALLOWEDTOENROLL_TO_ENROLLED: 'from allowed to enroll to enrolled',
  ENROLLED_TO_ENROLLED: 'from enrolled to enrolled',
  ENROLLED_TO_UNENROLLED: 'from enrolled to unenrolled',
  UNENROLLED_TO_ENROLLED: 'from unenrolled to enrolled',
  ALLOWEDTOENROLL_TO_UNENROLLED: 'from allowed to enroll to unenrolled',
  UNENROLLED_TO_UNENROLLED: 'from unenrolled to unenrolled',
  DEFAULT: 'N/A',
} as const;

/** What one identifier resolved to. */
export interface Target {
  userId: string | null;
  userActive: boolean;
  /** Lower-case email for pre-enrollment, when there is one. */
  email: string | null;
}

/** The state after the call, as Open edX's enroll_email / unenroll_email leave it. */
export function afterState(action: 'enroll' | 'unenroll', t: Target, before: EnrollmentState, autoEnroll: boolean): EnrollmentState {
  if (action === 'unenroll') return { user: before.user, enrollment: false, allowed: false, auto_enroll: false };
  if (t.userId && t.userActive) return { ...before, enrollment: true };
  if (t.email) return { ...before, allowed: true, auto_enroll: autoEnroll };
  return before;
}

export function transition(action: 'enroll' | 'unenroll', before: EnrollmentState, after: EnrollmentState): string {
  if (action === 'unenroll') {
    if (before.enrollment) return TRANSITIONS.ENROLLED_TO_UNENROLLED;
    if (before.allowed) return TRANSITIONS.ALLOWEDTOENROLL_TO_UNENROLLED;
    return TRANSITIONS.UNENROLLED_TO_UNENROLLED;
  }
  if (after.enrollment && before.user) {
    if (before.enrollment) return TRANSITIONS.ENROLLED_TO_ENROLLED;
    return before.allowed ? TRANSITIONS.ALLOWEDTOENROLL_TO_ENROLLED : TRANSITIONS.UNENROLLED_TO_ENROLLED;
  }
  if (after.allowed) return TRANSITIONS.UNENROLLED_TO_ALLOWEDTOENROLL;
  return TRANSITIONS.DEFAULT;
}

export function changed(before: EnrollmentState, after: EnrollmentState): boolean {
  return before.enrollment !== after.enrollment || before.allowed !== after.allowed || before.auto_enroll !== after.auto_enroll;
}

/** Split on commas, whitespace and newlines (Open edX _split_input_list). */
export function splitIdentifiers(raw: string): string[] {
  return raw.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const isEmail = (s: string): boolean => s.length <= 254 && EMAIL.test(s);

/** Open edX course keys: course-v1:org+course+run, or the old org/course/run. */
export const COURSE_KEY = /^(course-v1:[^+\s/]+\+[^+\s/]+\+[^+\s/]+|[^/\s]+\/[^/\s]+\/[^/\s]+)$/;
