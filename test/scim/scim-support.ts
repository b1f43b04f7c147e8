import request from 'supertest';
import { TestContext } from '../support/test-app';

export const USER_URN = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const GROUP_URN = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const ENTERPRISE_URN = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const PATCH_URN = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const LIST_URN = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
export const ERROR_URN = 'urn:ietf:params:scim:api:messages:2.0:Error';

/** Requests as an identity provider sends them: a bearer token, bodies as application/scim+json. */
export interface ScimAgent {
  get: (url: string) => request.Test;
  delete: (url: string) => request.Test;
  post: (url: string, body: unknown) => request.Test;
  put: (url: string, body: unknown) => request.Test;
  patch: (url: string, body: unknown) => request.Test;
}

export function scimAgent(ctx: TestContext, token: string, contentType = 'application/scim+json'): ScimAgent {
  const auth = (r: request.Test) => r.set('Authorization', `Bearer ${token}`).set('Accept', 'application/scim+json');
  const send = (r: request.Test, body: unknown) => auth(r).set('Content-Type', contentType).send(JSON.stringify(body));
  return {
    get: (url) => auth(ctx.http().get(url)),
    delete: (url) => auth(ctx.http().delete(url)),
    post: (url, body) => send(ctx.http().post(url), body),
    put: (url, body) => send(ctx.http().put(url), body),
    patch: (url, body) => send(ctx.http().patch(url), body),
  };
}

/** A SCIM token of the account whose API client holds `clientToken`. */
export async function newScimToken(ctx: TestContext, clientToken: string, name = 'idp'): Promise<string> {
  const res = await ctx.as(clientToken).post('/api/platform/v1/scim-tokens', { name }).expect(201);
  return res.body.token;
}

export const patchOp = (...Operations: unknown[]) => ({ schemas: [PATCH_URN], Operations });
