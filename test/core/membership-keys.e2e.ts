import { PG_FOREIGN_KEY_VIOLATION } from '../../src/core/database/pg-error';
import { sqlState, twoSessions } from '../support/db-sessions';
import { TestContext, createTestApp } from '../support/test-app';
import { TestAccount } from '../support/test-context';

/**
 * The keys of kolibri_membership and organization_member, enforced per statement (migration SetBasedMembershipKeys)
 * instead of by row-by-row foreign keys: the same refusals, cascades and behaviour under concurrent deletes.
 */
describe('set-based membership keys', () => {
  let ctx: TestContext;
  let account: TestAccount;
  let n = 0;
  beforeAll(async () => {
    ctx = await createTestApp();
    account = await ctx.newAccount();
  });
  afterAll(() => ctx.close());

  const one = async <T>(sql: string, params: unknown[] = []): Promise<T> => ((await ctx.db.query(sql, params)) as T[])[0];
  const newUser = async (accountId = account.id) => {
    const name = `mk-${++n}-${Date.now()}`;
    return (await one<{ id: string }>(`INSERT INTO "user" (account_id, identifier, username, username_key) VALUES ($1, $2, $2, $2) RETURNING id`, [accountId, name])).id;
  };
  const newCollection = async (kind: string, parent: string | null, facility: string | null, accountId = account.id) =>
    (await one<{ id: string }>(
      `INSERT INTO kolibri_collection (account_id, kind, name, parent_id, facility_id) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [accountId, kind, `mk-${++n}`, parent, facility],
    )).id;
  const newFacility = async (accountId = account.id) => {
    const id = await newCollection('facility', null, null, accountId);
    await ctx.db.query(`UPDATE kolibri_collection SET facility_id = id WHERE id = $1`, [id]);
    return id;
  };
  const newOrganization = async (accountId = account.id) =>
    (await one<{ id: string }>(`INSERT INTO organization (account_id, code, name) VALUES ($1, $2, $2) RETURNING id`, [accountId, `mk-org-${++n}`])).id;
  const addMembership = (user: string, collection: string, facility: string, db: { query(sql: string, params: unknown[]): Promise<unknown> } = ctx.db) =>
    db.query(`INSERT INTO kolibri_membership (account_id, user_id, collection_id, facility_id) VALUES ($1, $2, $3, $4)`, [account.id, user, collection, facility]);
  const addMember = (organization: string, user: string) => ctx.db.query(`INSERT INTO organization_member (organization_id, user_id) VALUES ($1, $2)`, [organization, user]);
  const count = async (sql: string, params: unknown[]) => (await one<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params)).n;
  const fkError = sqlState;
  const missing = '00000000-0000-4000-8000-000000000000';

  it('refuses a membership naming a missing user, collection or facility, on insert and on update', async () => {
    const facility = await newFacility();
    const classroom = await newCollection('classroom', facility, facility);
    const user = await newUser();
    for (const [u, c, f] of [
      [missing, classroom, facility],
      [user, missing, facility],
      [user, classroom, missing],
    ]) {
      await expect(addMembership(u, c, f).catch(fkError)).resolves.toBe(PG_FOREIGN_KEY_VIOLATION);
    }
    await addMembership(user, classroom, facility);
    await expect(ctx.db.query(`UPDATE kolibri_membership SET user_id = $2 WHERE user_id = $1`, [user, missing]).catch(fkError)).resolves.toBe(PG_FOREIGN_KEY_VIOLATION);
    const org = await newOrganization();
    await expect(addMember(org, missing).catch(fkError)).resolves.toBe(PG_FOREIGN_KEY_VIOLATION);
    await expect(addMember(missing, user).catch(fkError)).resolves.toBe(PG_FOREIGN_KEY_VIOLATION);
    // A bulk statement is refused whole when one row names a missing parent.
    await expect(
      ctx.db
        .query(`INSERT INTO organization_member (organization_id, user_id) SELECT $1, u FROM unnest($2::uuid[]) u`, [org, [user, missing]])
        .catch(fkError),
    ).resolves.toBe(PG_FOREIGN_KEY_VIOLATION);
    expect(await count(`organization_member WHERE organization_id = $1`, [org])).toBe(0);
  });

  it('cascades the deletion of a user, a classroom, a facility, an organization and an account', async () => {
    const facility = await newFacility();
    const classroomA = await newCollection('classroom', facility, facility);
    const classroomB = await newCollection('classroom', facility, facility);
    const group = await newCollection('learnergroup', classroomB, facility);
    const [u1, u2, u3] = [await newUser(), await newUser(), await newUser()];
    for (const u of [u1, u2, u3]) await addMembership(u, classroomA, facility);
    await addMembership(u2, classroomB, facility);
    await addMembership(u2, group, facility);
    const org = await newOrganization();
    for (const u of [u1, u2, u3]) await addMember(org, u);

    await ctx.db.query(`DELETE FROM "user" WHERE id = $1`, [u1]);
    expect(await count(`kolibri_membership WHERE user_id = $1`, [u1])).toBe(0);
    expect(await count(`organization_member WHERE user_id = $1`, [u1])).toBe(0);
    expect(await count(`organization_member WHERE organization_id = $1`, [org])).toBe(2);

    await ctx.db.query(`DELETE FROM kolibri_collection WHERE id = $1`, [classroomA]);
    expect(await count(`kolibri_membership WHERE collection_id = $1`, [classroomA])).toBe(0);
    expect(await count(`kolibri_membership WHERE facility_id = $1`, [facility])).toBe(2);

    // The facility's deletion reaches the classroom and its group through the collections' own cascade.
    await ctx.db.query(`DELETE FROM kolibri_collection WHERE id = $1`, [facility]);
    expect(await count(`kolibri_membership WHERE facility_id = $1`, [facility])).toBe(0);

    await ctx.db.query(`DELETE FROM organization WHERE id = $1`, [org]);
    expect(await count(`organization_member WHERE organization_id = $1`, [org])).toBe(0);

    // An account's deletion cascades to its users and collections, whose deletion cascades to the memberships.
    const other = await ctx.newAccount();
    const f2 = await newFacility(other.id);
    const c2 = await newCollection('classroom', f2, f2, other.id);
    const u4 = await newUser(other.id);
    await ctx.db.query(`INSERT INTO kolibri_membership (account_id, user_id, collection_id, facility_id) VALUES ($1, $2, $3, $4)`, [other.id, u4, c2, f2]);
    const org2 = await newOrganization(other.id);
    await addMember(org2, u4);
    await ctx.db.query(`DELETE FROM account WHERE id = $1`, [other.id]);
    expect(await count(`kolibri_membership WHERE user_id = $1`, [u4])).toBe(0);
    expect(await count(`organization_member WHERE user_id = $1`, [u4])).toBe(0);
  });

  describe('concurrent delete of the user', () => {
    const sessions = twoSessions(() => ctx.db);

    it('a membership committed first is deleted by the user deletion waiting for it', async () => {
      const { a, b } = sessions;
      const facility = await newFacility();
      const classroom = await newCollection('classroom', facility, facility);
      const user = await newUser();
      await a.startTransaction();
      await addMembership(user, classroom, facility, a);
      await b.startTransaction();
      const deleting = b.query(`DELETE FROM "user" WHERE id = $1`, [user]);
      // The delete waits for the key lock of the membership's statement.
      const early = await Promise.race([deleting.then(() => 'deleted'), new Promise((r) => setTimeout(() => r('waiting'), 300))]);
      expect(early).toBe('waiting');
      await a.commitTransaction();
      await deleting;
      await b.commitTransaction();
      expect(await count(`kolibri_membership WHERE user_id = $1`, [user])).toBe(0);
    });

    it('a membership of a user deleted by an uncommitted transaction is refused once that one commits', async () => {
      const { a, b } = sessions;
      const facility = await newFacility();
      const classroom = await newCollection('classroom', facility, facility);
      const user = await newUser();
      await b.startTransaction();
      await b.query(`DELETE FROM "user" WHERE id = $1`, [user]);
      await a.startTransaction();
      const inserting = addMembership(user, classroom, facility, a).then(
        () => 'inserted',
        (e) => fkError(e),
      );
      const early = await Promise.race([inserting, new Promise((r) => setTimeout(() => r('waiting'), 300))]);
      expect(early).toBe('waiting');
      await b.commitTransaction();
      await expect(inserting).resolves.toBe(PG_FOREIGN_KEY_VIOLATION);
      await a.rollbackTransaction();
      expect(await count(`kolibri_membership WHERE user_id = $1`, [user])).toBe(0);
    });
  });
});
