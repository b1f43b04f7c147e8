import request from 'supertest';
import { TestContext } from './test-app';

/** Requests on the test app carrying `Authorization: Bearer <token>`. */
export function authedAgent(ctx: TestContext, token: string) {
  const set = (r: request.Test) => r.set('Authorization', `Bearer ${token}`);
  return {
    get: (u: string) => set(ctx.http().get(u)),
    put: (u: string) => set(ctx.http().put(u)),
    post: (u: string) => set(ctx.http().post(u)),
    patch: (u: string) => set(ctx.http().patch(u)),
    delete: (u: string) => set(ctx.http().delete(u)),
  };
}

export type AuthedAgent = ReturnType<typeof authedAgent>;
