import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/core/database/data-source-options';
import { usernameKey } from '../../src/core/users/username-rules';
import { UsernameKey1796159711406 } from '../../migrations/1796159711406-UsernameKey';
import { TestContext, createTestApp } from '../support/test-app';
import { Agent } from '../support/test-context';

/**
 * Look-alike usernames (issue 10): one rule in the core for every dialect. `same` variants must conflict
 * with the base in that dialect's body; `refused` variants carry invisible, control, bidi or mixed-script
 * characters and answer 400.
 */
function variants(base: string): { same: string[]; refused: string[] } {
  const fullwidth = (s: string) => [...s].map((c) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0)).join('');
  return {
    same: [base[0].toUpperCase() + base.slice(1), base.toUpperCase(), fullwidth(base), fullwidth(base.toUpperCase())],
    refused: [
      base.replace('a', '\u0430'), // Cyrillic а among Latin letters
      base.replace('i', '\u0456'), // Cyrillic і
      `${base.slice(0, 2)}\u200b${base.slice(2)}`, // zero-width space
      `\u202e${base}`, // right-to-left override
      `${base}\n`,
      `${base}\t`,
      `${base} `,
      ` ${base}`,
      `${base.slice(0, 2)}\u00ad${base.slice(2)}`, // soft hyphen
      `${base}\u2028`, // line separator
      `${base}\ufeff`, // zero-width no-break space
      `${base.slice(0, 2)}\u3164${base.slice(2)}`, // Hangul filler (default-ignorable)
    ],
  };
}

const NFC = 'jos\u00e9';
const NFD = 'jose\u0301';

describe('identity: usernames that look alike are one user, invisible characters are refused', () => {
  let ctx: TestContext;
  let api: Agent;
  beforeAll(async () => {
    ctx = await createTestApp();
    api = ctx.as(await ctx.clientToken());
  });
  afterAll(() => ctx.close());

  const keyCount = async (name: string) =>
    (await ctx.db.query(`SELECT count(*)::int AS n FROM "user" WHERE username_key = $1`, [usernameKey(name)]))[0].n as number;

  it('the application key and the migration backfill agree, and fold the look-alikes together', () => {
    const samples = ['admin', ...variants('admin').same, ...variants('admin').refused, NFC, NFD, 'JOSÉ', 'Straße', 'ΟΔΟΣ', 'İstanbul', 'ﬁle', 'x²'];
    for (const s of samples) expect(UsernameKey1796159711406.usernameKey(s)).toBe(usernameKey(s));
    for (const s of variants('admin').same) expect(usernameKey(s)).toBe('admin');
    expect(usernameKey(NFD)).toBe(usernameKey('JOSÉ'));
  });

  it('Enabley PUT /api/v2/users: one of 17 variants succeeds, look-alikes are 409 item_exists, the rest 400 invalid_request', async () => {
    const v = variants('admin');
    let n = 0;
    await api.put('/api/v2/users').send({ identifier: `en-${n++}`, username: 'admin' }).expect(201);
    for (const username of v.same) {
      const res = await api.put('/api/v2/users').send({ identifier: `en-${n++}`, username });
      expect({ username, status: res.status, body: res.body }).toEqual({ username, status: 409, body: { error: 'item_exists', error_description: expect.stringContaining('username') } });
    }
    for (const username of v.refused) {
      const res = await api.put('/api/v2/users').send({ identifier: `en-${n++}`, username });
      expect({ username, status: res.status, error: res.body.error }).toEqual({ username, status: 400, error: 'invalid_request' });
      expect(res.body.error_description).toContain('username');
    }
    expect(await keyCount('admin')).toBe(1);
    expect((await ctx.db.query(`SELECT count(*)::int AS n FROM "user" WHERE identifier LIKE 'en-%'`))[0].n).toBe(1);
  });

  it('Enabley: NFC and NFD spellings are one user, stored NFC; identifiers stay exact', async () => {
    const created = await api.put('/api/v2/users').send({ identifier: 'Ext-Jose', username: NFD }).expect(201);
    expect(created.body.username).toBe(NFC);
    expect(created.body.identifier).toBe('Ext-Jose');
    await api.put('/api/v2/users').send({ identifier: 'ext-jose-2', username: NFC }).expect(409);
    await api.put('/api/v2/users').send({ identifier: 'ext-jose-3', username: 'JOSÉ' }).expect(409);
    // Identifiers are external ids: exact, so a case variant is another user (with its own username).
    await api.put('/api/v2/users').send({ identifier: 'ext-jose', username: 'jose-two' }).expect(201);
    // A rename onto a look-alike of another user is refused as well.
    await api.put('/api/v2/users').send({ identifier: 'ext-jose', username: 'Jose\u0301' }).expect(409);
  });

  it('Kolibri facility users: look-alikes are 400 UNIQUE, invisible or control characters 400 on username', async () => {
    const facility = (await ctx.as(await ctx.clientToken()).post('/api/auth/facility').send({ name: 'Look-alike facility' }).expect(201)).body.id;
    const post = (username: string) => api.post('/api/auth/facilityuser').send({ username, password: 'kolibri-pass-1', facility });
    await post('kadmin').expect(201);
    const v = variants('kadmin');
    for (const username of v.same) {
      const res = await post(username);
      expect({ username, status: res.status, body: res.body }).toEqual({ username, status: 400, body: [expect.objectContaining({ id: 'UNIQUE', metadata: expect.objectContaining({ field: 'username' }) })] });
    }
    for (const username of v.refused) {
      const res = await post(username);
      expect({ username, status: res.status, id: res.body[0]?.id, field: res.body[0]?.metadata?.field }).toEqual({ username, status: 400, id: 'INVALID', field: 'username' });
    }
    // A rename onto a look-alike is refused too, and a user created in Enabley counts in Kolibri.
    const other = (await post('kother').expect(201)).body.id;
    const rename = await api.patch(`/api/auth/facilityuser/${other}`).send({ username: 'KADMIN' }).expect(400);
    expect(rename.body[0].id).toBe('UNIQUE');
    expect((await post('ADMIN').expect(400)).body[0].id).toBe('UNIQUE');
    expect(await keyCount('kadmin')).toBe(1);
  });

  it('Triboo user create: case variants are 409 username_already_used; other look-alikes never create a user', async () => {
    const post = (username: string, i: number) => api.post('/api/extended/v1/users/').type('form').send({ username, email: `tr${i}@example.com` });
    expect((await post('tadmin', 0).expect(201)).body.status).toBe('user_created');
    const v = variants('tadmin');
    let i = 1;
    for (const username of v.same) {
      const res = await post(username, i++);
      // Triboo's own username pattern is ASCII-only ([\w.@+-]), so the fullwidth forms are already 400 there.
      if (/^[\x21-\x7e]+$/.test(username)) expect({ username, status: res.status, body: res.body }).toEqual({ username, status: 409, body: { status: 'username_already_used', detail: expect.any(String) } });
      else expect({ username, status: res.status, word: res.body.status }).toEqual({ username, status: 400, word: 'error' });
    }
    for (const username of v.refused) {
      const res = await post(username, i++);
      expect({ username, status: res.status, word: res.body.status }).toEqual({ username, status: 400, word: 'error' });
    }
    // Another dialect's user counts, and a rename onto a look-alike is refused.
    expect((await post('Admin', i++).expect(409)).body.status).toBe('username_already_used');
    await post('tother', i++).expect(201);
    expect((await api.put('/update_user_by_username/tother').type('form').send({ username: 'TADMIN' }).expect(409)).body.status).toBe('username_already_used');
    expect(await keyCount('tadmin')).toBe(1);
  });

  it('emails may not hide control or invisible characters (Enabley bulk upload goes through the core too)', async () => {
    const res = await api
      .post('/api/v1/uploads/orgBulkUpload')
      .send({ files: [{ fileName: 'u.csv', content: 'identifier,email\nzw-mail,zw\u200bmail@example.com\nok-mail,ok-mail@example.com\n' }] })
      .expect(200);
    expect(res.body.files[0].rows).toEqual([
      expect.objectContaining({ identifier: 'zw-mail', status: 'failed', message: expect.stringContaining('email') }),
      expect.objectContaining({ identifier: 'ok-mail', status: 'created' }),
    ]);
    const upload = await api.post('/api/v1/uploads/orgBulkUpload').send({ files: [{ fileName: 'u.csv', content: 'identifier,username\nrtl-user,\u202eadmin\n' }] }).expect(200);
    expect(upload.body.files[0].rows[0]).toMatchObject({ status: 'failed', message: expect.stringContaining('bidirectional') });
  });

  it('login looks users up by the folded key: "ADMIN" and "ａｄｍｉｎ" log in as admin', async () => {
    await api.put('/api/v2/users').send({ identifier: 'en-0', password: 'admin-login-pass-1' }).expect(200);
    for (const username of ['admin', 'ADMIN', 'ａｄｍｉｎ']) {
      const res = await ctx.http().post('/api/auth/session').send({ username, password: 'admin-login-pass-1' }).expect(200);
      expect(res.body.username).toBe('admin');
    }
    await ctx.http().post('/api/auth/session').send({ username: 'аdmin', password: 'admin-login-pass-1' }).expect(401);
  });
});

describe('identity: the username-key migration refuses to run over existing collisions', () => {
  const MIGRATIONS = join(__dirname, '..', '..', 'migrations');
  const mine = readdirSync(MIGRATIONS).find((f) => f.endsWith('-UsernameKey.ts'))!;
  const before = readdirSync(MIGRATIONS)
    .filter((f) => f.endsWith('.ts') && f < mine)
    .map((f) => join(MIGRATIONS, f));
  let adminUrl: string;
  let url: string;
  const name = `t_migr_${process.pid}`;
  beforeAll(async () => {
    adminUrl = (JSON.parse(readFileSync(process.env.TEST_PG_STATE!, 'utf8')) as { adminUrl: string }).adminUrl;
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    url = adminUrl.replace(/\/postgres$/, `/${name}`);
  });
  afterAll(async () => {
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  const run = async (migrations: string[]) => {
    const ds = new DataSource({ ...dataSourceOptions(url, { migrations }), migrationsRun: false });
    await ds.initialize();
    try {
      await ds.runMigrations({ transaction: 'each' });
    } finally {
      await ds.destroy();
    }
  };

  it('lists the colliding users with their account and how to resolve it, changes nothing, and runs once they are renamed', async () => {
    await run(before);
    const sql = new Client({ connectionString: url });
    await sql.connect();
    try {
      const [{ id: acct }] = (await sql.query(`INSERT INTO account (name) VALUES ('acme') RETURNING id`)).rows;
      const [{ id: other }] = (await sql.query(`INSERT INTO account (name) VALUES ('other') RETURNING id`)).rows;
      const insert = (account: string, username: string) =>
        sql.query(`INSERT INTO "user" (account_id, identifier, username) VALUES ($1, $2, $2) RETURNING id`, [account, username]);
      await insert(acct, 'admin');
      const admin2 = (await insert(acct, 'Admin')).rows[0].id;
      await insert(acct, 'ａｄｍｉｎ');
      await insert(acct, NFC);
      await insert(acct, NFD);
      await insert(acct, 'carol');
      // The same name in another account is not a collision.
      await insert(other, 'ADMIN');

      let error: Error | undefined;
      await run([...before, join(MIGRATIONS, mine)]).catch((e: Error) => (error = e));
      expect(error?.message).toContain('refused: 2 group(s)');
      const id = '\\(id [0-9a-f-]{36}\\)';
      // Non-ASCII is escaped in the message, so NFC and NFD spellings read differently.
      expect(error?.message).toMatch(new RegExp(`account "acme": "Admin" ${id}, "admin" ${id}, "\\\\uff41\\\\uff44\\\\uff4d\\\\uff49\\\\uff4e" ${id}\n`));
      expect(error?.message).toMatch(new RegExp(`account "acme": "jose\\\\u0301" ${id}, "jos\\\\u00e9" ${id}\n`));
      expect(error?.message).toContain('Rename all but one user of each group');
      expect(error?.message).not.toContain('"other"');
      // Rolled back: no column, and the migration is not recorded.
      expect((await sql.query(`SELECT 1 FROM information_schema.columns WHERE table_name = 'user' AND column_name = 'username_key'`)).rowCount).toBe(0);
      expect((await sql.query(`SELECT 1 FROM migrations WHERE name = $1`, [new UsernameKey1796159711406().name])).rowCount).toBe(0);

      await sql.query(`UPDATE "user" SET username = 'admin2' WHERE id = $1`, [admin2]);
      await sql.query(`DELETE FROM "user" WHERE username IN ('ａｄｍｉｎ', $1)`, [NFD]);
      await run([...before, join(MIGRATIONS, mine)]);
      const keys = (await sql.query(`SELECT username, username_key FROM "user" ORDER BY username`)).rows as { username: string; username_key: string }[];
      for (const k of keys) expect(k.username_key).toBe(usernameKey(k.username));
      await expect(sql.query(`INSERT INTO "user" (account_id, identifier, username, username_key) VALUES ($1, 'x', 'CAROL', 'carol')`, [acct])).rejects.toThrow(/UQ_user_account_username_key/);
    } finally {
      await sql.end();
    }
  });
});
