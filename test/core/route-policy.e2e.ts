import { ScimTokensService } from '../../src/core/scim-tokens/scim-tokens.service';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { JwtAuthGuard } from '../../src/core/auth/jwt-auth.guard';
import { Principal } from '../../src/core/auth/principal';
import { ApiError } from '../../src/core/http/api-error';
import { Authenticated, POLICY_KEY, PolicyRequirement } from '../../src/core/policy/policy.decorators';
import { PolicyGuard } from '../../src/core/policy/policy.guard';
import { TEST_ADMIN, TestContext, createTestApp } from '../support/test-app';

/** A controller no route file may look like: its handler declares nothing. */
class UndeclaredController {
  handler(): string {
    return 'reached';
  }
}

/** The same handler with a declaration, so a refusal above is shown to come from the missing one. */
class DeclaredController {
  @Authenticated()
  handler(): string {
    return 'reached';
  }
}

/** `can(read, KolibriFacility, param:id)`: what a route declares, in one line per route for review. */
function describeRequirement(r: PolicyRequirement | undefined): string {
  if (!r) return 'UNDECLARED';
  if (r.kind !== 'can') return r.kind;
  const source = r.source ? `, ${Object.entries(r.source).map(([where, name]) => `${where}:${name}`).join(' ')}` : '';
  return `can(${r.action}, ${r.subject}${source})`;
}

/** Deny by default: every route declares @Can, @Authenticated or @Public, and the walk lists them for review. */
describe('route policy declarations', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(() => ctx.close());

  function routes() {
    const discovery = ctx.app.get(DiscoveryService);
    const scanner = ctx.app.get(MetadataScanner);
    const reflector = ctx.app.get(Reflector);
    const out: { route: string; where: string; requirement?: PolicyRequirement }[] = [];
    for (const wrapper of discovery.getControllers()) {
      const { instance, metatype } = wrapper;
      if (!instance || !metatype) continue;
      const bases: string[] = [].concat(Reflect.getMetadata(PATH_METADATA, metatype) ?? '');
      for (const name of scanner.getAllMethodNames(Object.getPrototypeOf(instance))) {
        const handler = (instance as Record<string, unknown>)[name] as object;
        const paths: string[] | undefined = Reflect.getMetadata(PATH_METADATA, handler);
        if (paths === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
        const requirement = reflector.getAllAndOverride<PolicyRequirement | undefined>(POLICY_KEY, [handler as never, metatype]);
        for (const base of bases) {
          for (const path of [].concat(paths as never) as string[]) {
            // As on the wire: one slash between parts, none trailing, and Fastify's escaped colon (`::`) as `:`.
            const route = `${method} ${`/${base}/${path}`.replace(/\/+/g, '/').replace(/(.)\/$/, '$1').replace(/::/g, ':')}`;
            out.push({ route, where: `${metatype.name}.${name}`, requirement });
          }
        }
      }
    }
    return out;
  }

  it('finds routes to check', () => {
    expect(routes().length).toBeGreaterThan(5);
  });

  it('every route declares a policy', () => {
    const undeclared = routes().filter((r) => !r.requirement).map((r) => `${r.route} (${r.where})`);
    expect(undeclared).toEqual([]);
  });

  it('only the token, login and health routes are public', () => {
    const open = routes().filter((r) => r.requirement?.kind === 'public').map((r) => r.route);
    // The certificate PDF link is signed per user and certificate (see its controller), so it needs no token.
    for (const route of open) expect(route).toMatch(/oauth2|\/api\/v1\/token|api\/auth\/session|health|certificates\/pdf/);
  });

  // Review aid: a changed declaration shows in the diff of __snapshots__/route-policy.e2e.ts.snap.
  // After an intended change: npx jest test/core/route-policy.e2e.ts -u, and commit the snapshot.
  it('every route\'s declaration matches the reviewed snapshot', () => {
    const table: Record<string, string> = {};
    for (const r of routes()) {
      expect(table[r.route]).toBeUndefined(); // two handlers on one method + path
      table[r.route] = describeRequirement(r.requirement);
    }
    expect(table).toMatchSnapshot();
  });

  describe('guard fallback: a route without a declaration is refused at run time', () => {
    async function superuser(): Promise<Principal> {
      const [row] = (await ctx.db.query(`SELECT id, account_id FROM "user" WHERE username_key = lower($1)`, [TEST_ADMIN.username])) as { id: string; account_id: string }[];
      return { kind: 'user', accountId: row.account_id, isSuperuser: true, userId: row.id };
    }
    const call = (controller: new () => { handler(): string }, request: object) =>
      new ExecutionContextHost([{ method: 'GET', routeOptions: { url: '/undeclared' }, ...request }, {}], controller, controller.prototype.handler);

    it('the policy guard refuses even the platform superuser (403), and admits it once the route declares a policy', async () => {
      const guard = ctx.app.get(PolicyGuard);
      const user = await superuser();
      const refused = await guard.canActivate(call(UndeclaredController, { user })).then(
        () => 'admitted',
        (e: unknown) => (e instanceof ApiError ? e.status : e),
      );
      expect(refused).toBe(403);
      await expect(guard.canActivate(call(DeclaredController, { user }))).resolves.toBe(true);
    });

    it('the authentication guard treats it as non-public: no token answers 401', async () => {
      const guard = new JwtAuthGuard(ctx.app.get(Reflector), ctx.app.get(ScimTokensService));
      const outcome = await Promise.resolve()
        .then(() => guard.canActivate(call(UndeclaredController, { headers: {} })))
        .then(
          () => 'admitted',
          (e: unknown) => (e instanceof ApiError ? e.status : e),
        );
      expect(outcome).toBe(401);
    });
  });
});
