// The baseline of CONTRACT section 7: a bare Fastify + pg server doing the same primary-key lookup
// of one user that GET /api/v2/users/{identifier} does, without authentication or framework layers.
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
await app.listen({ port: Number(port), host: '127.0.0.1' });
process.stdout.write('ready\n');
