import { readFileSync } from 'node:fs';
import { channelsEnv, putChannel } from './channels-support';

/**
 * Second-round audit: every Enabley operation of the OpenAPI document, with wrong types, unknown fields and
 * odd values in each query parameter and body field, answers 2xx or a 4xx in ErrorResponse form, never 5xx.
 */
it('Enabley audit: bad input on every operation is a 4xx ErrorResponse, never a 500', async () => {
  const env = await channelsEnv();
  const a = env.a;
  const spec = JSON.parse(readFileSync('openapi/openapi.json', 'utf8'));
  await a.put('/api/v2/users').send({ identifier: 'u1', possibleRoles: ['INSTRUCTOR'] });
  await a.put('/api/v1/groups').send({ identifier: 'g1', name: 'G' });
  await a.put('/api/v2/userProfiles').send({ identifier: 'p1', name: 'P' });
  await putChannel(a, { identifier: 'c1', name: 'C' });
  await a.put('/api/v1/certificates').send({ externalCertificateId: 'k1', name: 'K', courseIds: ['c1'] });
  const out: string[] = [];
  const resolve = (ref: string) => ref.split('/').slice(1).reduce((o: any, k) => o[k], spec);
  const weird: unknown[] = [null, 123, -1, 1.5, true, 'x'.repeat(300), '', [], {}, ['a'], { a: 1 }, '%', "'; DROP TABLE x;--", '\u0000', 'ÿ'];
  const pathVals: Record<string, string> = { identifier: 'u1', userIdentifier: 'u1', groupIdentifier: 'g1', profileIdentifier: 'p1', channelIdentifier: 'c1', externalUserId: 'u1', externalCertificateId: 'k1', subAccountName: 'sa', token: 'x' };
  for (const [path, item] of Object.entries<any>(spec.paths)) {
    if (!/^\/api\/v[1-4]\//.test(path)) continue;
    for (const [method, op] of Object.entries<any>(item)) {
      let url = path.replace(/\{(\w+)\}/g, (_, n) => encodeURIComponent(pathVals[n] ?? 'x'));
      if (path.includes('/channels/{identifier}') || path.includes('groups/{identifier}')) url = url.replace('/u1', path.includes('channels') ? '/c1' : '/g1');
      const send = async (label: string, q: Record<string, unknown>, body: unknown, raw?: string) => {
        let r = (a as any)[method === 'delete' ? 'delete' : method](url).query(q as any);
        if (raw !== undefined) r = r.set('Content-Type', 'application/json').send(raw);
        else if (body !== undefined) r = r.send(body as any);
        const res = await r;
        if (res.status >= 500 || (res.status >= 400 && !(res.body && typeof res.body.error === 'string' && 'error_description' in res.body) && !path.includes('/pdf/')))
          out.push(`${method.toUpperCase()} ${url} ${label} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
      };
      for (const p of op.parameters ?? []) {
        if (p.in !== 'query') continue;
        for (const v of ['x', '-1', '1.5', '99999999999', '', 'true,false', '%25', '0']) await send(`q ${p.name}=${v}`, { [p.name]: v }, undefined);
        await send(`q ${p.name}=[a,b]`, { [p.name]: ['a', 'b'] }, undefined);
      }
      const ref = op.requestBody?.content?.['application/json']?.schema?.$ref;
      if (ref) {
        const schema = resolve(ref);
        for (const v of weird) await send(`body=${JSON.stringify(v)}`, {}, undefined, JSON.stringify(v));
        for (const field of Object.keys(schema.properties ?? {})) for (const v of weird) await send(`body.${field}=${JSON.stringify(v)}`, {}, { ...Object.fromEntries((schema.required ?? []).map((k: string) => [k, 'u1'])), [field]: v });
        await send('raw bad json', {}, undefined, '{"a":');
        await send('raw array', {}, undefined, '[1,2]');
        await send('raw string', {}, undefined, '"x"');
        await send('raw number', {}, undefined, '5');
        await send('raw null', {}, undefined, 'null');
      }
    }
  }
  await env.ctx.close();
  expect(out).toEqual([]);
}, 600_000);
