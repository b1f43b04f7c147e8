import { TestContext, createTestApp } from '../support/test-app';
import { ENTERPRISE_URN, LIST_URN, PATCH_URN, ScimAgent, USER_URN, newScimToken, scimAgent } from './scim-support';

/**
 * The user request sequences of Okta's and Microsoft Entra ID's SCIM 2.0 guides, replayed with their documented
 * bodies (ids and addresses as the guides give them), and RFC 7644's own user examples.
 */
describe('SCIM Users: Okta, Entra ID and RFC 7644 request sequences', () => {
  let ctx: TestContext;
  let scim: ScimAgent;
  beforeAll(async () => {
    ctx = await createTestApp();
    scim = scimAgent(ctx, await newScimToken(ctx, await ctx.clientToken()));
  });
  afterAll(() => ctx.close());

  it('Okta: lookup by userName, create, get, PUT profile update, deactivate by PATCH without a path', async () => {
    const lookup = await scim.get('/scim/v2/Users?filter=userName%20eq%20%22test.user%40okta.local%22&startIndex=1&count=100').expect(200);
    expect(lookup.body).toEqual({ schemas: [LIST_URN], totalResults: 0, startIndex: 1, itemsPerPage: 0, Resources: [] });
    const created = await scim
      .post('/scim/v2/Users', {
        schemas: [USER_URN],
        userName: 'test.user@okta.local',
        name: { givenName: 'Test', familyName: 'User' },
        emails: [{ primary: true, value: 'test.user@okta.local', type: 'work' }],
        displayName: 'Test User',
        locale: 'en-US',
        externalId: '00ujl29u0le5T6Aj10h7',
        groups: [],
        password: '1mz050nq',
        active: true,
      })
      .expect(201);
    const id = created.body.id;
    expect(created.body).toMatchObject({ userName: 'test.user@okta.local', externalId: '00ujl29u0le5T6Aj10h7', active: true, emails: [{ value: 'test.user@okta.local', primary: true }] });
    expect(created.body.password).toBeUndefined();
    expect((await scim.get(`/scim/v2/Users?filter=userName%20eq%20%22test.user%40okta.local%22&startIndex=1&count=100`).expect(200)).body.totalResults).toBe(1);
    await scim.get(`/scim/v2/Users/${id}`).expect(200);
    const updated = await scim
      .put(`/scim/v2/Users/${id}`, {
        schemas: [USER_URN],
        id,
        userName: 'test.user@okta.local',
        name: { givenName: 'Another', familyName: 'User' },
        emails: [{ primary: true, value: 'test.user@okta.local', type: 'work' }],
        displayName: 'Another User',
        locale: 'en-US',
        externalId: '00ujl29u0le5T6Aj10h7',
        groups: [],
        active: true,
        meta: { resourceType: 'User', created: created.body.meta.created, lastModified: created.body.meta.lastModified },
      })
      .expect(200);
    expect(updated.body).toMatchObject({ name: { givenName: 'Another' }, displayName: 'Another User' });
    const deactivated = await scim.patch(`/scim/v2/Users/${id}`, { schemas: [PATCH_URN], Operations: [{ op: 'replace', value: { active: false } }] }).expect(200);
    expect(deactivated.body.active).toBe(false);
  });

  it('Entra ID: create with the enterprise extension, query, multi- and single-valued updates, manager, disable, delete', async () => {
    const zero = await scim.get('/scim/v2/Users?filter=userName%20eq%20%22non-existent%20user%22').expect(200);
    expect(zero.body.totalResults).toBe(0);
    const created = await scim
      .post('/scim/v2/Users', {
        schemas: [USER_URN, ENTERPRISE_URN],
        externalId: '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef',
        userName: 'Test_User_ab6490ee-1e48-479e-a20b-2d77186b5dd1',
        active: true,
        emails: [{ primary: true, type: 'work', value: 'Test_User_fd0ea19b-0777-472c-9f96-4f70d2226f2e@testuser.com' }],
        meta: { resourceType: 'User' },
        name: { formatted: 'givenName familyName', familyName: 'familyName', givenName: 'givenName' },
        roles: [],
      })
      .expect(201);
    const id = created.body.id;
    const query = await scim.get('/scim/v2/Users?filter=userName%20eq%20%22Test_User_ab6490ee-1e48-479e-a20b-2d77186b5dd1%22').expect(200);
    expect(query.body.Resources.map((u: { id: string }) => u.id)).toEqual([id]);
    const byExternal = await scim.get('/scim/v2/Users?filter=externalId%20eq%20%220a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef%22').expect(200);
    expect(byExternal.body.totalResults).toBe(1);
    const multi = await scim
      .patch(`/scim/v2/Users/${id}`, {
        schemas: [PATCH_URN],
        Operations: [
          { op: 'Replace', path: 'emails[type eq "work"].value', value: 'updatedEmail@microsoft.com' },
          { op: 'Replace', path: 'name.familyName', value: 'updatedFamilyName' },
        ],
      })
      .expect(200);
    expect(multi.body).toMatchObject({ emails: [{ value: 'updatedEmail@microsoft.com', type: 'work' }], name: { familyName: 'updatedFamilyName' } });
    const single = await scim.patch(`/scim/v2/Users/${id}`, { schemas: [PATCH_URN], Operations: [{ op: 'Replace', path: 'userName', value: '5b50642d-79fc-4410-9e90-4c077cdd1a59@testuser.com' }] }).expect(200);
    expect(single.body.userName).toBe('5b50642d-79fc-4410-9e90-4c077cdd1a59@testuser.com');
    await scim
      .patch(`/scim/v2/Users/${id}`, {
        schemas: [PATCH_URN],
        Operations: [
          { op: 'Add', path: `${ENTERPRISE_URN}:manager`, value: '2819c223-7f76-453a-919d-413861904646' },
          { op: 'Add', path: `${ENTERPRISE_URN}:department`, value: 'Finance' },
        ],
      })
      .expect(200);
    const disabled = await scim.patch(`/scim/v2/Users/${id}`, { schemas: [PATCH_URN], Operations: [{ op: 'Replace', path: 'active', value: 'False' }] }).expect(200);
    expect(disabled.body).toMatchObject({ active: false, [ENTERPRISE_URN]: { department: 'Finance' } });
    await scim.delete(`/scim/v2/Users/${id}`).expect(204);
    await scim.get(`/scim/v2/Users/${id}`).expect(404);
  });

  it('RFC 7644 section 3.3 and 3.5.2: create bjensen, replace and remove with value paths', async () => {
    const created = await scim
      .post('/scim/v2/Users', { schemas: [USER_URN], userName: 'bjensen', externalId: 'bjensen', name: { formatted: 'Ms. Barbara J Jensen III', familyName: 'Jensen', givenName: 'Barbara' } })
      .expect(201);
    const id = created.body.id;
    const res = await scim
      .patch(`/scim/v2/Users/${id}`, {
        schemas: [PATCH_URN],
        Operations: [
          { op: 'add', value: { emails: [{ value: 'babs@jensen.org', type: 'home' }], nickName: 'Babs' } },
          { op: 'replace', path: 'emails[type eq "home"]', value: { type: 'home', value: 'babs@example.org' } },
          { op: 'replace', value: { displayName: 'Babs Jensen' } },
        ],
      })
      .expect(200);
    expect(res.body).toMatchObject({ displayName: 'Babs Jensen', emails: [{ value: 'babs@example.org', type: 'home', primary: true }] });
    const removed = await scim.patch(`/scim/v2/Users/${id}`, { schemas: [PATCH_URN], Operations: [{ op: 'remove', path: 'emails[type eq "home"]' }] }).expect(200);
    expect(removed.body.emails).toBeUndefined();
    const search = await scim.get('/scim/v2/Users?filter=' + encodeURIComponent('userName Eq "bjensen" and (name.familyName co "Jen" or name.givenName sw "Bar")') + '&attributes=userName').expect(200);
    expect(search.body.Resources).toEqual([{ schemas: [USER_URN], id, userName: 'bjensen' }]);
  });
});
