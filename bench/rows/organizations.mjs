// Organizations rows: POST /organizations:members, 1,000 users x 10 organizations in one request (issue 13).
import { call, timed } from '../lib.mjs';

export default async function organizationsRows({ base, token, sql, accountId, report }) {
  const codes = Array.from({ length: 10 }, (_, i) => `bench-org-${i}`);
  for (const code of codes) await call(base, 'POST', '/organizations', { token, json: { code, name: `Bench ${code}` }, expect: 200 });
  await sql.query(
    `INSERT INTO "user" (account_id, identifier, username, username_key, email, full_name)
     SELECT $1, 'om-' || g, 'om-' || g, 'om-' || g, 'om-' || g || '@bench.example.com', 'Member ' || g FROM generate_series(1, 1000) g`,
    [accountId],
  );
  await sql.query('ANALYZE');
  const users = Array.from({ length: 1000 }, (_, i) => `om-${i + 1}`).join(',');
  const run = await timed(() =>
    call(base, 'POST', '/organizations:members', { token, json: { organizations: codes.join(','), users, permission_organization: 'teacher', permission_content: 'view' } }),
  );
  if (run.value.status !== 200) throw new Error(`POST /organizations:members -> ${run.value.status} ${JSON.stringify(run.value.body).slice(0, 300)}`);
  const [{ n }] = (await sql.query(`SELECT count(*)::int AS n FROM organization_member m JOIN "user" u ON u.id = m.user_id WHERE u.username LIKE 'om-%'`)).rows;
  if (n !== 10_000) throw new Error(`expected 10,000 memberships, found ${n}`);
  report({
    name: 'organizations POST /organizations:members, 1,000 users x 10 organizations',
    result: `${run.ms.toFixed(0)} ms`,
    budget: '< 500 ms',
    ok: run.ms < 500,
  });
}
