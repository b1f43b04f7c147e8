// Kolibri rows: the classroom list of a big facility (learner_count and coaches), and one bulk
// membership request of 5,000 rows (issue 13).
import { call, timed } from '../lib.mjs';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const hex = (uuid) => uuid.replace(/-/g, '');

export default async function kolibriRows({ base, token, sql, accountId, report }) {
  const facility = (await call(base, 'POST', '/api/auth/facility', { token, json: { name: 'Bench facility' }, expect: 201 })).body;
  const facilityId = facility.id;
  // 20,000 learners and 500 coaches of the facility, 500 classrooms of 40 learners and one coach each.
  await sql.query(
    `WITH u AS (
       INSERT INTO "user" (account_id, identifier, username, username_key, full_name)
       SELECT $1, 'kl-' || g, 'kl-' || g, 'kl-' || g, 'Learner ' || g FROM generate_series(1, 20500) g
       RETURNING id, username)
     INSERT INTO kolibri_facility_user (user_id, facility_id, account_id, username) SELECT id, $2, $1, username FROM u`,
    [accountId, facilityId],
  );
  await sql.query(
    `INSERT INTO kolibri_collection (account_id, kind, name, parent_id, facility_id)
     SELECT $1, 'classroom', 'Class ' || lpad(g::text, 3, '0'), $2, $2 FROM generate_series(1, 500) g`,
    [accountId, facilityId],
  );
  await sql.query(
    `WITH c AS (SELECT id, row_number() OVER (ORDER BY name) AS n FROM kolibri_collection WHERE facility_id = $2 AND kind = 'classroom'),
          u AS (SELECT id, substring(username FROM 4)::int AS n FROM "user" WHERE account_id = $1 AND username LIKE 'kl-%')
     INSERT INTO kolibri_membership (account_id, user_id, collection_id, facility_id)
     SELECT $1, u.id, c.id, $2 FROM u JOIN c ON c.n = (u.n - 1) / 40 + 1 WHERE u.n <= 20000`,
    [accountId, facilityId],
  );
  await sql.query(
    `WITH c AS (SELECT id, row_number() OVER (ORDER BY name) AS n FROM kolibri_collection WHERE facility_id = $2 AND kind = 'classroom'),
          u AS (SELECT id, substring(username FROM 4)::int - 20000 AS n FROM "user" WHERE account_id = $1 AND username LIKE 'kl-%' AND substring(username FROM 4)::int > 20000)
     INSERT INTO kolibri_role (account_id, user_id, collection_id, facility_id, kind)
     SELECT $1, u.id, c.id, $2, 'coach' FROM u JOIN c ON c.n = u.n`,
    [accountId, facilityId],
  );
  await sql.query('ANALYZE');

  const path = `/api/auth/classroom?parent=${facilityId}`;
  const check = await call(base, 'GET', path, { token, expect: 200 });
  if (check.body.length !== 500 || check.body[0].learner_count !== 40 || check.body[0].coaches.length !== 1) {
    throw new Error(`unexpected classroom list: ${check.body.length} rows, first ${JSON.stringify(check.body[0]).slice(0, 200)}`);
  }
  const times = [];
  for (let i = 0; i < 15; i++) times.push((await timed(() => call(base, 'GET', path, { token, expect: 200 }))).ms);
  const list = median(times);
  report({
    name: 'kolibri GET /api/auth/classroom?parent= (500 classrooms, 20,000 learners, coaches), median of 15',
    result: `${list.toFixed(1)} ms`,
    budget: '< 100 ms',
    ok: list < 100,
  });

  // 5,000 memberships in one array: 5,000 learners of the facility into 10 fresh classrooms.
  const classrooms = [];
  for (let i = 0; i < 10; i++) classrooms.push((await call(base, 'POST', '/api/auth/classroom', { token, json: { name: `Bulk ${i}`, parent: facilityId }, expect: 201 })).body.id);
  const learners = (await sql.query(`SELECT id FROM "user" WHERE account_id = $1 AND username LIKE 'kl-%' ORDER BY username LIMIT 5000`, [accountId])).rows;
  const body = learners.map((u, i) => ({ user: hex(u.id), collection: classrooms[i % 10] }));
  const bulk = await timed(() => call(base, 'POST', '/api/auth/membership', { token, json: body }));
  if (bulk.value.status !== 201 || bulk.value.body.length !== 5000) throw new Error(`bulk membership -> ${bulk.value.status} ${JSON.stringify(bulk.value.body).slice(0, 300)}`);
  report({
    name: 'kolibri POST /api/auth/membership, 5,000 rows in one array',
    result: `${bulk.ms.toFixed(0)} ms`,
    budget: '< 300 ms',
    ok: bulk.ms < 300,
  });
}
