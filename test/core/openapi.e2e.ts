import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ErrorFormat, registerErrorFormat } from '../../src/core/http/error-formats';
import { buildOpenApiDocument } from '../../src/core/openapi/swagger';
import { TestContext, createTestApp } from '../support/test-app';

describe('OpenAPI document', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(() => ctx.close());

  it('the committed openapi/openapi.json is what the code generates (run npm run openapi)', () => {
    const committed = JSON.parse(readFileSync(join(__dirname, '..', '..', 'openapi', 'openapi.json'), 'utf8'));
    expect(JSON.parse(JSON.stringify(buildOpenApiDocument(ctx.app)))).toEqual(committed);
  });

  it('is served live at /docs-json, with Swagger UI at /docs', async () => {
    const live = await ctx.http().get('/docs-json').expect(200);
    expect(live.body.openapi).toMatch(/^3\./);
    expect(Object.keys(live.body.paths)).toEqual(expect.arrayContaining(['/oauth2/access_token', '/api/admin/accounts', '/api/auth/session']));
    const ui = await ctx.http().get('/docs').redirects(1).expect(200);
    expect(ui.text).toMatch(/<html/i);
  });

  it('documents the security schemes and every operation id', async () => {
    const doc = buildOpenApiDocument(ctx.app) as unknown as { components: { securitySchemes: Record<string, unknown> }; paths: Record<string, Record<string, { operationId?: string }>> };
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['bearer', 'clientBasic', 'oauth2', 'superuser']);
    for (const item of Object.values(doc.paths)) for (const op of Object.values(item)) expect(op.operationId).toBeTruthy();
  });

  it('refuses to build the document, naming the path, when the error format owning a route has no schema', () => {
    const undocumented = { name: 'undocumented', matches: (path: string) => path.startsWith('/api/admin/'), body: () => ({}) } as unknown as ErrorFormat;
    const unregister = registerErrorFormat(undocumented);
    try {
      expect(() => buildOpenApiDocument(ctx.app)).toThrow(/^OpenAPI: \/api\/admin\/\S* is answered in the "undocumented" error format, which has no OpenAPI error schema/);
    } finally {
      unregister();
    }
    expect(() => buildOpenApiDocument(ctx.app)).not.toThrow();
  });

  it('refuses a second error format under a dialect name or schema name already taken', () => {
    const schema = { name: 'KolibriError', schema: { type: 'object' as const } };
    expect(() => registerErrorFormat({ name: 'kolibri-copy', matches: () => false, body: () => ({}), schema })).toThrow(/clashes with the registered "kolibri"/);
  });
});
