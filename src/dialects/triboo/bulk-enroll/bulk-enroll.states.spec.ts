import { COURSE_KEY, TRANSITIONS, afterState, isEmail, splitIdentifiers, transition } from './bulk-enroll.states';

const S = (user: boolean, enrollment: boolean, allowed: boolean, auto_enroll: boolean) => ({ user, enrollment, allowed, auto_enroll });

describe('bulk enroll states', () => {
  it('splits identifiers on commas, whitespace and newlines', () => {
    expect(splitIdentifiers(' a@x.com,b\n\nc\t d , ')).toEqual(['a@x.com', 'b', 'c', 'd']);
  });

  it('recognises course keys and emails', () => {
    expect(COURSE_KEY.test('course-v1:edX+DemoX+Demo_Course')).toBe(true);
    expect(COURSE_KEY.test('edX/DemoX/2014')).toBe(true);
    expect(COURSE_KEY.test('not a course')).toBe(false);
    expect(isEmail('brandon+testenroll@triboolearning.com')).toBe(true);
    expect(isEmail('nope')).toBe(false);
  });

  it('follows Open edX enroll_email / unenroll_email and their audit transitions', () => {
    const active = { userId: 'u', userActive: true, email: 'a@x.com' };
    const unregistered = { userId: null, userActive: false, email: 'n@x.com' };
    let b = S(true, false, false, false);
    let a = afterState('enroll', active, b, false);
    expect(a).toEqual(S(true, true, false, false));
    expect(transition('enroll', b, a)).toBe(TRANSITIONS.UNENROLLED_TO_ENROLLED);
    b = S(true, false, true, true);
    expect(transition('enroll', b, afterState('enroll', active, b, false))).toBe(TRANSITIONS.ALLOWEDTOENROLL_TO_ENROLLED);
    b = S(true, true, false, false);
    expect(transition('enroll', b, afterState('enroll', active, b, false))).toBe(TRANSITIONS.ENROLLED_TO_ENROLLED);
    b = S(false, false, false, false);
    a = afterState('enroll', unregistered, b, true);
    expect(a).toEqual(S(false, false, true, true));
    expect(transition('enroll', b, a)).toBe(TRANSITIONS.UNENROLLED_TO_ALLOWEDTOENROLL);
    expect(transition('unenroll', S(true, true, false, false), S(true, false, false, false))).toBe(TRANSITIONS.ENROLLED_TO_UNENROLLED);
    expect(transition('unenroll', S(false, false, true, false), S(false, false, false, false))).toBe(TRANSITIONS.ALLOWEDTOENROLL_TO_UNENROLLED);
    expect(transition('unenroll', S(false, false, false, false), S(false, false, false, false))).toBe(TRANSITIONS.UNENROLLED_TO_UNENROLLED);
  });
});
