// Core rows: token issuance, an authenticated user lookup and a user upsert, each against bare Fastify + pg
// doing the same statement in the same run (CONTRACT section 7, issue 13).
import { call, freePort, load, startProcess, stopProcess } from '../lib.mjs';

export default async function coreRows({ base, token, sql, accountId, db, client, report }) {
  const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: client.id, client_secret: client.secret }).toString();
  const tokens = await load({
    url: `${base}/oauth2/access_token`,
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form,
    connections: 20,
  });
  report({ name: 'token issuance (POST /oauth2/access_token)', result: `${Math.round(tokens.rps)} tokens/s, p99 ${tokens.p99} ms` });

  await sql.query(
    `INSERT INTO "user" (account_id, identifier, username, username_key, email, first_name, last_name, full_name)
     SELECT $1, 'lookup-' || g, 'lookup-' || g, 'lookup-' || g, 'lookup-' || g || '@bench.example.com', 'First', 'Last', 'First Last'
       FROM generate_series(1, 10000) g`,
    [accountId],
  );
  await sql.query('ANALYZE "user"');
  await call(base, 'GET', '/api/v2/users/lookup-4242', { token, expect: 200 });

  const barePort = await freePort();
  const bare = await startProcess(['bench/bare-server.mjs', db.url, String(barePort), accountId], { readyLine: 'ready' });
  try {
    const requests = Array.from({ length: 100 }, (_, i) => ({ path: `/users/lookup-${(i * 97) % 10000 + 1}` }));
    const ours = await load({ url: base, headers: { authorization: `Bearer ${token}` }, requests: requests.map((r) => ({ ...r, path: r.path.replace('/users/', '/api/v2/users/') })) });
    const baseline = await load({ url: `http://127.0.0.1:${barePort}`, requests });
    const ratio = ours.rps / baseline.rps;
    report({
      name: 'GET /api/v2/users/{identifier} vs bare Fastify + pg (50 connections)',
      result: `${Math.round(ours.rps)} vs ${Math.round(baseline.rps)} req/s = ${ratio.toFixed(2)}`,
      budget: 'ratio >= 0.8',
      ok: ratio >= 0.8,
    });

    const creating = (prefix) => {
      let n = 0;
      return [{ method: 'PUT', setupRequest: (req) => ({ ...req, body: JSON.stringify({ identifier: `${prefix}-${++n}`, email: `${prefix}-${n}@bench.example.com`, firstName: 'New', lastName: 'User' }) }) }];
    };
    const jsonHeaders = { 'content-type': 'application/json' };
    const upserts = await load({ url: `${base}/api/v2/users`, connections: 32, headers: { ...jsonHeaders, authorization: `Bearer ${token}` }, requests: creating('put-ours') });
    const bareUpserts = await load({ url: `http://127.0.0.1:${barePort}/users`, connections: 32, headers: jsonHeaders, requests: creating('put-bare') });
    const putRatio = upserts.rps / bareUpserts.rps;
    report({
      name: 'PUT /api/v2/users creating users vs bare INSERT ... ON CONFLICT ... RETURNING (32 connections)',
      result: `${Math.round(upserts.rps)} vs ${Math.round(bareUpserts.rps)} req/s = ${putRatio.toFixed(2)}`,
      budget: 'ratio >= 0.4',
      ok: putRatio >= 0.4,
    });
  } finally {
    await stopProcess(bare);
  }
}
