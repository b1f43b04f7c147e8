import { TestContext } from '../support/test-app';

export const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

export async function accountId(ctx: TestContext, name = 'default'): Promise<string> {
  return (await ctx.db.query(`SELECT id FROM account WHERE name = $1`, [name]))[0].id;
}

/** A COURSE channel of the account (courses are core channels). */
export async function course(ctx: TestContext, acct: string, identifier: string, extra: { name?: string; start?: string | null; type?: string } = {}): Promise<string> {
  const rows = await ctx.db.query(
    `INSERT INTO channel (account_id, identifier, name, type, start_date) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [acct, identifier, extra.name ?? identifier, extra.type ?? 'COURSE', extra.start === undefined ? '2020-01-01T00:00:00Z' : extra.start],
  );
  return rows[0].id;
}

/** Logs a user in after giving it a password directly (Triboo creates users without one). */
export async function userToken(ctx: TestContext, username: string, password = 'pass-word-123'): Promise<string> {
  const { hashSecret } = await import('../../src/core/auth/password-hasher');
  await ctx.db.query(`UPDATE "user" SET password_hash = $2 WHERE username = $1`, [username, await hashSecret(password)]);
  return ctx.login(username, password);
}
