import { Logger } from '@nestjs/common';
import { TestContext, createTestApp } from '../support/test-app';
import { Dialect, dialectOf, errorShapeProblem } from './error-shapes';
import { Case, casesOf } from './bad-input-cases';
import { OpenApiDoc, Operation, SchemaReader, operationsOf, pool } from './openapi-walk';

/**
 * CONTRACT section 6: every operation of the live OpenAPI document, fed systematic bad input
 * (malformed path values, wrong query types, wrong body types, unknown fields, malformed JSON,
 * the wrong content type), never answers 5xx, and every 4xx has the dialect's error body.
 */

interface Finding {
  route: string;
  label: string;
  status: number;
  problem: string;
  body: string;
}

const DIALECTS: Dialect[] = ['kolibri', 'organizations', 'enabley', 'triboo', 'oauth2', 'platform'];
describe('bad input on every route (CONTRACT section 6)', () => {
  let ctx: TestContext;
  let token: string;
  let ops: Operation[];
  let reader: SchemaReader;
  const unexpected: unknown[] = [];

  beforeAll(async () => {
    ctx = await createTestApp();
    token = await ctx.clientToken();
    const doc = (await ctx.http().get('/docs-json').set('Authorization', `Bearer ${token}`).expect(200)).body as OpenApiDoc;
    ops = operationsOf(doc);
    reader = new SchemaReader(doc);
    // The server logs what it answers with a 500; keep it to explain a finding.
    jest.spyOn(Logger.prototype, 'error').mockImplementation((...args: unknown[]) => void unexpected.push(args));
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await ctx.close();
  });

  async function send(c: Case): Promise<Finding | null> {
    let req = ctx.http()[c.op.method](c.url).set('Authorization', `Bearer ${token}`).timeout(10_000);
    if (c.raw !== undefined) req = req.set('Content-Type', c.contentType ?? 'application/json').send(c.raw);
    else if (c.body !== undefined) req = req.send(c.body as object);
    let res;
    const started = Date.now();
    try {
      res = await req;
      if (process.env.FUZZ_DEBUG && Date.now() - started > 300) console.log(`slow ${Date.now() - started}ms ${c.op.method} ${c.url.slice(0, 80)} ${c.label}`);
    } catch (e) {
      return { route: `${c.op.method.toUpperCase()} ${c.op.path}`, label: c.label, status: 0, problem: `no answer: ${(e as Error).message}`, body: '' };
    }
    const route = `${c.op.method.toUpperCase()} ${c.op.path}`;
    const body = (res.text ?? '').slice(0, 300);
    if (res.status >= 500) return { route, label: c.label, status: res.status, problem: '5xx', body };
    if (res.status >= 400) {
      // 404 for an unknown path (a segment too long for the router) is answered by the path's dialect too.
      const problem = errorShapeProblem(dialectOf(c.url), res.body);
      if (problem) return { route, label: c.label, status: res.status, problem, body };
    }
    return null;
  }

  it('walks every operation of the document', () => {
    expect(ops.length).toBeGreaterThan(100);
    const covered = new Set(ops.map((o) => dialectOf(o.path)));
    for (const d of DIALECTS) expect(covered).toContain(d);
  });

  for (const dialect of DIALECTS) {
    it(`${dialect}: no 5xx and the dialect's error body on every 4xx`, async () => {
      const cases = ops.filter((o) => dialectOf(o.path) === dialect).flatMap((o) => casesOf(o, reader));
      const findings: Finding[] = [];
      unexpected.length = 0;
      await pool(cases, 6, async (c) => {
        const f = await send(c);
        if (f) findings.push(f);
      });
      if (process.env.FUZZ_DEBUG) console.log(`${dialect}: ${cases.length} cases`);
      if (findings.length && process.env.FUZZ_DEBUG) console.log(JSON.stringify({ findings, unexpected: unexpected.slice(0, 20) }, null, 1));
      expect(cases.length).toBeGreaterThan(0);
      expect(findings).toEqual([]);
    });
  }
});
