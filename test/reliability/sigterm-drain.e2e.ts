import { request } from 'node:http';
import { ServerProcess, startServer, tempDataDir } from '../support/server-process';
import { BOOTSTRAP, clientToken } from './helpers';

const COURSES = ['course-v1:drain+One+2026', 'course-v1:drain+Two+2026'];
const EMAILS = 20_000;

/** POSTs JSON and reports when the body was fully sent and when the answer came back. */
function post(url: string, token: string, body: unknown, onSent: () => void): Promise<{ status: number; body: string; at: number }> {
  const data = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': data.length } }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, at: Date.now() }));
    });
    req.on('error', reject);
    req.on('finish', onSent);
    req.end(data);
  });
}

async function json(server: ServerProcess, method: string, path: string, token: string, body: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${server.url}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}

describe('SIGTERM drains in-flight requests', () => {
  const dir = tempDataDir();
  let server: ServerProcess | undefined;
  afterAll(() => server?.stop('SIGKILL'));

  it('a bulk enroll running when the process group gets SIGTERM completes with 200, the exit is 0, and a restart finds its enrollments', async () => {
    server = await startServer({ DATA_DIR: dir, ...BOOTSTRAP }, { detached: true });
    const token = await clientToken(server);
    for (const identifier of COURSES) expect((await json(server, 'PUT', '/api/v1/channels', token, { identifier, name: identifier })).status).toBe(201);
    const identifiers = Array.from({ length: EMAILS }, (_, i) => `learner${i}@drain.example`).join(',');

    let signalledAt = 0;
    const pid = server.proc.pid!;
    const answer = post(`${server.url}/api/bulk_enroll/v1/bulk_enroll`, token, { action: 'enroll', courses: COURSES.join(','), identifiers }, () => {
      // The whole body is on its way: signal the process group, as Ctrl-C or systemd would (PostgreSQL included, were it in it).
      setTimeout(() => {
        signalledAt = Date.now();
        process.kill(-pid, 'SIGTERM');
      }, 50);
    });
    const res = await answer;
    expect(signalledAt).toBeGreaterThan(0);
    expect(res.at).toBeGreaterThan(signalledAt); // it really was in flight when the signal came
    expect(res.status).toBe(200);
    const result = JSON.parse(res.body);
    expect(result.courses[COURSES[0]].results).toHaveLength(EMAILS);

    expect(await server.exited).toBe(0);
    const out = server.output();
    expect(out).toMatch(/SIGTERM: shutting down/);
    expect(out).not.toMatch(/"level":(50|60)|FATAL|PANIC|terminating connection|ECONNRESET/);

    server = await startServer({ DATA_DIR: dir, ...BOOTSTRAP });
    const again = await json(server, 'POST', '/api/bulk_enroll/v1/bulk_enroll', await clientToken(server), {
      action: 'enroll',
      courses: COURSES[1],
      identifiers: `learner0@drain.example,learner${EMAILS - 1}@drain.example`,
    });
    expect(again.status).toBe(200);
    // Both were pre-enrolled by the drained request before the shutdown.
    for (const r of again.body.courses[COURSES[1]].results) expect(r.before.allowed).toBe(true);
    expect(await server.stop()).toBe(0);
    server = undefined;
  });
});
