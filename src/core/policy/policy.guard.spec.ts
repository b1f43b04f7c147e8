import { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AbilityFactory } from './ability.factory';
import { newAbilityBuilder } from './app-ability';
import { POLICY_KEY, PolicyRequirement } from './policy.decorators';
import { PolicyGuard } from './policy.guard';
import { ApiError } from '../http/api-error';

const requirement: PolicyRequirement = { kind: 'can', action: 'read', subject: 'Course', source: { input: 'course' } };

function run(req: Record<string, unknown>, allowType: boolean, notFound?: () => ApiError) {
  const { can, build } = newAbilityBuilder();
  if (allowType) can('read', 'Course', { accountId: 'A', identifier: 'mine' });
  const load = jest.fn(async (id: string) => ({ accountId: 'A', identifier: id }));
  const abilities = { build: async () => build(), loaderFor: () => ({ load, notFound }) } as unknown as AbilityFactory;
  const handler = () => undefined;
  Reflect.defineMetadata(POLICY_KEY, requirement, handler);
  const context = {
    getHandler: () => handler,
    getClass: () => class {},
    switchToHttp: () => ({ getRequest: () => ({ user: { kind: 'user', accountId: 'A', isSuperuser: false, userId: 'u' }, ...req }) }),
  } as unknown as ExecutionContext;
  return { result: new PolicyGuard(new Reflector(), abilities).canActivate(context), load };
}

async function status(p: Promise<boolean>): Promise<number | boolean> {
  try {
    return await p;
  } catch (e) {
    return (e as ApiError).status;
  }
}

describe('PolicyGuard with a declared source', () => {
  it('never falls back to the type-level check when the value is missing: 400 naming it, the loader untouched', async () => {
    const { result, load } = run({ query: {}, body: {} }, true);
    await expect(result).rejects.toMatchObject({ status: 400, issues: [{ code: 'REQUIRED', field: 'course' }] });
    expect(load).not.toHaveBeenCalled();
  });

  it('refuses a value that is not one string', async () => {
    expect(await status(run({ query: { course: ['a', 'b'] } }, true).result)).toBe(400);
    expect(await status(run({ query: { course: '' } }, true).result)).toBe(400);
  });

  it('answers 403 to a missing value when the caller has no right on the subject at all', async () => {
    expect(await status(run({ query: {} }, false).result)).toBe(403);
  });

  it('checks the loaded object when the value is there', async () => {
    expect(await status(run({ query: { course: 'mine' } }, true).result)).toBe(true);
    expect(await status(run({ query: { course: 'other' } }, true).result)).toBe(404);
  });

  it('answers a missing or unreadable object with the loader\'s own not-found where it has one', async () => {
    const own = ApiError.withBody(404, { status: 'user_not_found' });
    await expect(run({ query: { course: 'other' } }, true, () => own).result).rejects.toBe(own);
  });
});
