import { Readable } from 'node:stream';
import { BulkAnswer, answerBody, answerChunks, pack, unpack } from './bulk-enroll.answer';

/** The answer as the object the route used to build, for JSON.stringify to compare against. */
function asObject(a: BulkAnswer) {
  const courses: Record<string, unknown> = {};
  a.courseKeys.forEach((course, ci) => {
    const seen = new Set<number>();
    const results = a.identifiers.map((identifier, i) => {
      const k = a.keyOfIdentifier[i];
      if (k < 0) return { identifier, invalidIdentifier: true };
      const after = unpack(a.after[ci * a.keyCount + k]);
      const before = seen.has(k) ? { ...after } : unpack(a.before[ci * a.keyCount + k]);
      seen.add(k);
      return { identifier, before, after };
    });
    courses[course] = { action: a.action, results, auto_enroll: a.autoEnroll };
  });
  return { action: a.action, courses, email_students: a.emailStudents, auto_enroll: a.autoEnroll };
}

function answer(identifiers: string[], keyOf: number[], courseKeys: string[], seed: number): BulkAnswer {
  const keyCount = Math.max(0, ...keyOf) + 1;
  let x = seed;
  const next = () => (x = (x * 1103515245 + 12345) % 2 ** 31) % 16;
  const before = Uint8Array.from({ length: keyCount * courseKeys.length }, next);
  const after = Uint8Array.from({ length: keyCount * courseKeys.length }, next);
  return { action: seed % 2 ? 'enroll' : 'unenroll', autoEnroll: seed % 3 === 0, emailStudents: seed % 5 === 0, courseKeys, identifiers, keyOfIdentifier: Int32Array.from(keyOf), keyCount, before, after };
}

async function text(body: string | Readable): Promise<string> {
  if (typeof body === 'string') return body;
  const parts: Buffer[] = [];
  for await (const chunk of body) parts.push(chunk as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

describe('bulk enroll answer', () => {
  it('packs and unpacks the sixteen states', () => {
    for (let code = 0; code < 16; code++) expect(pack(unpack(code))).toBe(code);
  });

  it('writes byte for byte what JSON.stringify writes for the answer object, repeats and invalid identifiers included', () => {
    const identifiers = ['a@x.com', 'bob', 'A@X.com', 'nope', 'é"\\\u0001@x.com', 'bob', 'c@x.com'];
    const keyOf = [0, 1, 0, -1, 2, 1, 3];
    for (let seed = 1; seed < 40; seed++) {
      const a = answer(identifiers, keyOf, ['course-v1:o+c+r', 'o/c/r2', 'course-v1:"q"+c+r'], seed);
      expect([...answerChunks(a)].join('')).toBe(JSON.stringify(asObject(a)));
    }
  });

  it('streams a large answer in chunks whose concatenation is the same JSON', async () => {
    const n = 25_000;
    const identifiers = Array.from({ length: n }, (_, i) => (i % 7 === 0 ? `bad-${i}` : `user${i % 20_000}@example.com`));
    const keyOf = identifiers.map((_, i) => (i % 7 === 0 ? -1 : (i % 20_000)));
    const a = answer(identifiers, keyOf, ['course-v1:o+c+r'], 7);
    const body = answerBody(a);
    expect(body).toBeInstanceOf(Readable);
    expect(await text(body)).toBe(JSON.stringify(asObject(a)));
  });

  it('answers a small call as one string', () => {
    const a = answer(['a@x.com'], [0], ['course-v1:o+c+r'], 3);
    expect(answerBody(a)).toBe(JSON.stringify(asObject(a)));
  });
});
