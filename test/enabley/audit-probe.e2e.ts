import { writeFileSync } from 'node:fs';
import { channelsEnv, putChannel } from './channels-support';

it('probe', async () => {
  const env = await channelsEnv();
  const a = env.a;
  const out: string[] = [];
  const log = async (label: string, r: Promise<{ status: number; body: unknown }> | { status: number; body: unknown }) => {
    const res = await r;
    out.push(`### ${label}\n${res.status} ${JSON.stringify(res.body)}`);
    return res;
  };
  await a.put('/api/v2/users').send({ identifier: 'u1' });
  await a.put('/api/v1/groups').send({ identifier: 'g1', name: 'G' });
  await putChannel(a, { identifier: 'c1', name: 'C' });
  await log('post json empty', a.post('/api/v1/groups/g1/users/u1').set('Content-Type', 'application/json'));
  await log('post json empty channel', a.post('/api/v2/channels/c1/users/u1').set('Content-Type', 'application/json'));
  await log('delete json empty', a.delete('/api/v1/groups/g1/users/u1').set('Content-Type', 'application/json'));
  await log('post json {}', a.post('/api/v2/channels/c1/users/u1').send({}));
  await log('roles csv', a.post('/api/v2/channels/c1/users/u1?roles=LEARNER,INSTRUCTOR'));
  await log('roles lower', a.post('/api/v2/channels/c1/users/u1?roles=learner'));
  await a.put('/api/v1/channels/c1/contentItems').send({ items: [{ identifier: 'i1', name: 'I' }] }).expect(200);
  await log('cert', a.put('/api/v1/certificates').send({ externalCertificateId: 'k', name: 'K', expiration: { duration: 10, period: 'DAY' }, courseIds: ['c1'] }));
  await log('states before', a.get('/api/v1/certificates/users/u1'));
  await log('progress', a.put('/api/v1/channels/c1/contentItems/i1/users/u1/progress').send({ completed: false, score: 50 }));
  await log('states started', a.get('/api/v1/certificates/users/u1'));
  await log('fc', a.post('/api/v4/channels/forceComplete/channel/c1/user/u1'));
  await log('states after', a.get('/api/v1/certificates/users/u1'));
  const st = (await a.get('/api/v1/certificates/users/u1')).body[0];
  if (st?.pdfUrl) {
    const r = await env.ctx.http().get(st.pdfUrl).buffer(true);
    out.push(`### pdf\n${r.status} ${r.headers['content-type']} ${String(r.body).slice(0, 8)}`);
  }
  await log('users after delete of channel?', a.get('/api/v2/channels/channels/c1/members/count'));
  writeFileSync('/tmp/probe/out.txt', out.join('\n'));
  await env.ctx.close();
});
