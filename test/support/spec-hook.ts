import { appendFileSync } from 'node:fs';
import request from 'supertest';
import { specMismatch } from './openapi-validator';

type Requests = ReturnType<typeof request>;

/** Requests a test exempted, each with its reason: a WeakMap, so exemptions die with their request. */
const exempted = new WeakMap<request.Test, string>();

/**
 * Exempts ONE request from the spec check, e.g. a route the spec must not list (a deliberately unknown path)
 * or a deliberately malformed exchange. The reason is required and shows in the code: opting out is never
 * the default and never by accident.
 */
export function offSpec(req: request.Test, reason: string): request.Test {
  if (!reason.trim()) throw new Error('offSpec: say why this request is not checked against the spec');
  exempted.set(req, reason);
  return req;
}

/**
 * Wraps every request of `requests` so that its answer is checked against openapi/openapi.json after the
 * test's own expectations (so a wrong status still reads as the test's failure): supertest's `assert` runs
 * for `.expect(...)`, `.end(cb)` and `await` alike, so no way of reading the answer skips the check.
 */
export function validatedAgainstSpec(requests: Requests): Requests {
  return new Proxy(requests, {
    get(target, prop, receiver) {
      const make = Reflect.get(target, prop, receiver);
      if (typeof make !== 'function') return make;
      return (url: string) => hook(make.call(target, url) as request.Test, String(prop), url);
    },
  });
}

type AssertFn = (resError: Error | null, res: request.Response | undefined, fn?: (err: Error | null, res?: request.Response) => void) => void;

function hook(req: request.Test, method: string, url: string): request.Test {
  const test = req as unknown as { assert: AssertFn };
  const assert = test.assert.bind(req);
  test.assert = (resError, res, fn) =>
    assert(resError, res, (err, answered) => {
      if (!err && answered && !exempted.has(req)) {
        const mismatch = specMismatch({ method: method === 'del' ? 'delete' : method, url, status: answered.status, headers: answered.headers, body: answered.body, text: answered.text });
        if (mismatch) {
          // OPENAPI_MISMATCH_LOG=file collects every mismatch of a run in one place; the request fails either way.
          if (process.env.OPENAPI_MISMATCH_LOG) appendFileSync(process.env.OPENAPI_MISMATCH_LOG, `${JSON.stringify({ test: expect.getState().currentTestName, mismatch })}\n`);
          err = new Error(mismatch);
        }
      }
      fn?.call(req, err, answered);
    });
  return req;
}
