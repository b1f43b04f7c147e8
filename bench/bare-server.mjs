// The baselines of CONTRACT section 7: a bare Fastify + pg server doing what the measured routes do at
// their core, without authentication or framework layers: the primary-key lookup of one user
// (GET /api/v2/users/{identifier}) and the one-statement upsert of a new user (PUT /api/v2/users).
import Fastify from 'fastify';
import pg from 'pg';

const [, , databaseUrl, port, accountId] = process.argv;
const pool = new pg.Pool({ connectionString: databaseUrl, max: 20 });
const app = Fastify({ logger: false });
app.get('/users/:identifier', async (req, reply) => {
  const { rows } = await pool.query(
    'SELECT id, identifier, username, email, first_name, last_name, is_active, created_at, updated_at FROM "user" WHERE account_id = $1 AND identifier = $2',
    [accountId, req.params.identifier],
  );
  if (!rows.length) return reply.code(404).send({ error: 'not_found' });
  return rows[0];
});
app.put('/users', async (req, reply) => {
  const { identifier, email = null, firstName = null, lastName = null } = req.body ?? {};
  const { rows } = await pool.query(
    `INSERT INTO "user" (account_id, identifier, username, username_key, email, first_name, last_name)
     VALUES ($1, $2, $2, lower($2), $3, $4, $5)
     ON CONFLICT (account_id, identifier) DO UPDATE SET email = EXCLUDED.email, first_name = EXCLUDED.first_name, last_name = EXCLUDED.last_name
     RETURNING id, identifier, username, email, first_name, last_name, is_active, created_at, updated_at, (xmax = 0) AS created`,
    [accountId, identifier, email, firstName, lastName],
  );
  return reply.code(rows[0].created ? 201 : 200).send(rows[0]);
});
await app.listen({ port: Number(port), host: '127.0.0.1' });
process.stdout.write('ready\n');
