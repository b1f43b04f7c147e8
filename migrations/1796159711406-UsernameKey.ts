import { MigrationInterface, QueryRunner } from 'typeorm';

const BATCH = 5000;

function escaped(s: string): string {
  return JSON.stringify(s).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Usernames become unique per account by their folded key ("admin", "Admin" and "ａｄｍｉｎ" are one user).
 * The key needs Unicode NFKC and full lower-casing, which PostgreSQL's lower() under the C locale does not
 * do, so the backfill computes it here in JavaScript with the application's rule. Existing users whose
 * keys collide are not merged or renamed behind anyone's back: the migration stops and lists them.
 */
export class UsernameKey1796159711406 implements MigrationInterface {
  name = 'UsernameKey1796159711406';

  /**
   * The username key of src/core/users/username-rules.ts as it was when this migration was written: NFC,
   * NFKC, lower case, NFKC. A migration keeps its own copy (a later rule gets its own migration);
   * test/hardening/identity-usernames.e2e.ts checks the two agree. (A static method: TypeORM takes every
   * export of a migration file for a migration class.)
   */
  static usernameKey(username: string): string {
    return username.normalize('NFC').normalize('NFKC').toLowerCase().normalize('NFKC');
  }

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "user" ADD COLUMN IF NOT EXISTS "username_key" text`);
    const seen = new Map<string, { accountId: string; users: { id: string; username: string }[] }>();
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const batch: { id: string; account_id: string; username: string }[] = await queryRunner.query(
        `SELECT id, account_id, username FROM "user" WHERE id > $1 ORDER BY id LIMIT ${BATCH}`,
        [after],
      );
      if (!batch.length) break;
      after = batch[batch.length - 1].id;
      const keys = batch.map((u) => UsernameKey1796159711406.usernameKey(u.username));
      batch.forEach((u, i) => {
        const at = `${u.account_id}\n${keys[i]}`;
        const entry = seen.get(at);
        if (entry) entry.users.push({ id: u.id, username: u.username });
        else seen.set(at, { accountId: u.account_id, users: [{ id: u.id, username: u.username }] });
      });
      await queryRunner.query(
        `UPDATE "user" u SET username_key = k.key FROM unnest($1::uuid[], $2::text[]) AS k(id, key) WHERE u.id = k.id`,
        [batch.map((u) => u.id), keys],
      );
    }
    const collisions = [...seen.values()].filter((e) => e.users.length > 1);
    if (collisions.length) {
      const names: { id: string; name: string }[] = await queryRunner.query(`SELECT id, name FROM account WHERE id = ANY($1::uuid[])`, [
        [...new Set(collisions.map((c) => c.accountId))],
      ]);
      const accountName = new Map(names.map((a) => [a.id, a.name]));
      // Non-ASCII escaped, so an operator can tell "jos\u00e9" (NFC) from "jose\u0301" (NFD) apart.
      const shown = collisions.slice(0, 50).map((c) => {
        const users = [...c.users].sort((a, b) => (a.username < b.username ? -1 : a.username > b.username ? 1 : 0));
        return `  account "${accountName.get(c.accountId) ?? c.accountId}": ${users.map((u) => `${escaped(u.username)} (id ${u.id})`).join(', ')}`;
      });
      if (collisions.length > 50) shown.push(`  … and ${collisions.length - 50} more groups`);
      throw new Error(
        [
          `Migration ${this.name} refused: ${collisions.length} group(s) of users in one account have usernames that differ only by case, width or Unicode form, and usernames are now unique by that folded form:`,
          ...shown,
          'Rename all but one user of each group (e.g. UPDATE "user" SET username = \'…\' WHERE id = \'…\'), or delete the duplicates, then start the server again. Nothing was changed.',
        ].join('\n'),
      );
    }
    await queryRunner.query(`ALTER TABLE "user" ALTER COLUMN "username_key" SET NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_user_account_username_key" ON "user"  ("account_id", "username_key") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."UQ_user_account_username_key"`);
    await queryRunner.query(`ALTER TABLE "user" DROP COLUMN "username_key"`);
  }
}
