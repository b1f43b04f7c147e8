import { Readable } from 'node:stream';
import { EnrollmentState } from './bulk-enroll.states';

/** States packed in 4 bits: user, enrollment, allowed, auto_enroll. */
export const USER = 8;
export const ENROLLED = 4;
export const ALLOWED = 2;
export const AUTO = 1;

export function unpack(code: number): EnrollmentState {
  return { user: (code & USER) !== 0, enrollment: (code & ENROLLED) !== 0, allowed: (code & ALLOWED) !== 0, auto_enroll: (code & AUTO) !== 0 };
}

export function pack(s: EnrollmentState): number {
  return (s.user ? USER : 0) | (s.enrollment ? ENROLLED : 0) | (s.allowed ? ALLOWED : 0) | (s.auto_enroll ? AUTO : 0);
}

/** The sixteen states as JSON.stringify writes them (key order user, enrollment, allowed, auto_enroll). */
const STATE_JSON = Array.from({ length: 16 }, (_, code) => JSON.stringify(unpack(code)));

/**
 * A bulk enroll call's outcome, compact: per course and distinct identifier (key) the state before
 * and after, packed; the answer is written from it without an object per result.
 */
export interface BulkAnswer {
  action: 'enroll' | 'unenroll';
  autoEnroll: boolean;
  emailStudents: boolean;
  /** Course keys as the answer names them, in order. */
  courseKeys: string[];
  /** The identifiers as sent, in order, repeats included. */
  identifiers: string[];
  /** Per identifier, its key's index, or -1 for an invalid identifier. */
  keyOfIdentifier: Int32Array;
  keyCount: number;
  /** [course * keyCount + key]: the packed state before and after. */
  before: Uint8Array;
  after: Uint8Array;
}

/** Results per chunk of the streamed answer: about 100 KB of JSON. */
const CHUNK = 1000;

/**
 * The answer's JSON, in pieces, byte for byte what JSON.stringify writes for the object
 * {action, courses: {<course>: {action, results, auto_enroll}}, email_students, auto_enroll}.
 * An identifier named again in the same call reports its final state as both before and after:
 * its first occurrence already left it there.
 */
export function* answerChunks(a: BulkAnswer): Generator<string> {
  const action = JSON.stringify(a.action);
  let out = `{"action":${action},"courses":{`;
  const seen = new Uint8Array(a.keyCount);
  for (let ci = 0; ci < a.courseKeys.length; ci++) {
    seen.fill(0);
    out += `${ci ? ',' : ''}${JSON.stringify(a.courseKeys[ci])}:{"action":${action},"results":[`;
    const base = ci * a.keyCount;
    for (let i = 0; i < a.identifiers.length; i++) {
      const k = a.keyOfIdentifier[i];
      const identifier = JSON.stringify(a.identifiers[i]);
      if (i) out += ',';
      if (k < 0) out += `{"identifier":${identifier},"invalidIdentifier":true}`;
      else {
        const after = a.after[base + k];
        const before = seen[k] ? after : a.before[base + k];
        seen[k] = 1;
        out += `{"identifier":${identifier},"before":${STATE_JSON[before]},"after":${STATE_JSON[after]}}`;
      }
      if (i % CHUNK === CHUNK - 1) {
        yield out;
        out = '';
      }
    }
    out += `],"auto_enroll":${a.autoEnroll}}`;
  }
  yield `${out}},"email_students":${a.emailStudents},"auto_enroll":${a.autoEnroll}}`;
}

/** Answers up to this many results are sent as one string (with a Content-Length); larger ones are streamed. */
const STREAM_FROM = 20_000;

/** The answer as one string, or for a large call a stream of UTF-8 chunks, so memory stays flat. */
export function answerBody(a: BulkAnswer): string | Readable {
  if (a.identifiers.length * a.courseKeys.length <= STREAM_FROM) return [...answerChunks(a)].join('');
  const chunks = answerChunks(a);
  return Readable.from((function* () {
    for (const chunk of chunks) yield Buffer.from(chunk, 'utf8');
  })());
}
