import { Api, ChannelsTestEnv, channelsEnv, putChannel } from './channels-support';

const DAY = 24 * 60 * 60 * 1000;

describe('Enabley certificates', () => {
  let env: ChannelsTestEnv;
  let a: Api;
  beforeAll(async () => {
    env = await channelsEnv();
    a = env.a;
    for (const id of ['ann', 'bob', 'cat']) await a.put('/api/v2/users').send({ identifier: id, username: id, firstName: id.toUpperCase(), lastName: 'Learner' }).expect(201);
    await putChannel(a, { identifier: 'course-v1:acme+a+1', name: 'A' });
    await putChannel(a, { identifier: 'course-v1:acme+b+1', name: 'B' });
    await putChannel(a, { identifier: 'stream', name: 'S', type: 'STREAM' });
    await a.put('/api/v1/channels/course-v1:acme+a+1/contentItems').send({ items: [{ identifier: 'a1', name: 'A1' }, { identifier: 'a2', name: 'A2', optional: true }] }).expect(200);
    await a.put('/api/v1/channels/course-v1:acme+b+1/contentItems').send({ items: [{ identifier: 'b1', name: 'B1' }] }).expect(200);
  });
  afterAll(() => env.ctx.close());

  it('PUT /api/v1/certificates creates (201) and updates (200); bad input 400, unknown course 404', async () => {
    const created = (
      await a
        .put('/api/v1/certificates')
        .send({ externalCertificateId: 'safety', name: 'Safety', expiration: { duration: 12, period: 'MONTH' }, courseIds: ['course-v1:acme+b+1', 'course-v1:acme+a+1'] })
        .expect(201)
    ).body;
    expect(created).toEqual({
      courseIds: ['course-v1:acme+a+1', 'course-v1:acme+b+1'],
      created: expect.stringMatching(/Z$/),
      expiration: { duration: 12, period: 'MONTH' },
      externalCertificateId: 'safety',
      name: 'Safety',
      status: 'ACTIVE',
    });
    const updated = (await a.put('/api/v1/certificates').send({ externalCertificateId: 'safety', name: 'Safety 2026' }).expect(200)).body;
    expect(updated).toMatchObject({ name: 'Safety 2026', courseIds: ['course-v1:acme+a+1', 'course-v1:acme+b+1'], expiration: { duration: 12, period: 'MONTH' } });
    await a.put('/api/v1/certificates').send({ externalCertificateId: 'forever', name: 'Forever', courseIds: ['course-v1:acme+b+1'] }).expect(201);
    await a.put('/api/v1/certificates').send({ externalCertificateId: 'archived', name: 'Old', status: 'ARCHIVED', courseIds: ['course-v1:acme+b+1'] }).expect(201);
    for (const body of [
      { externalCertificateId: 'x' },
      { externalCertificateId: 'x', name: 'X', status: 'GONE' },
      { externalCertificateId: 'x', name: 'X', expiration: { duration: 0, period: 'MONTH' } },
      { externalCertificateId: 'x', name: 'X', expiration: { duration: 1, period: 'WEEK' } },
      { externalCertificateId: 'x', name: 'X', courseIds: 'course-v1:acme+a+1' },
      { externalCertificateId: 'x', name: 'X', courseIds: ['stream'] },
      { externalCertificateId: 'x', name: 'X', extra: true },
    ])
      expect((await a.put('/api/v1/certificates').send(body).expect(400)).body.error).toBe('invalid_request');
    expect((await a.put('/api/v1/certificates').send({ externalCertificateId: 'x', name: 'X', courseIds: ['ghost'] }).expect(404)).body.error).toBe('item_not_exists');
  });

  it('GET /api/v1/certificates, /api/v2/certificates (paginated) and /api/v2/certificates/{id}', async () => {
    const all = (await a.get('/api/v1/certificates').expect(200)).body;
    expect(all.map((c: { externalCertificateId: string }) => c.externalCertificateId)).toEqual(['safety', 'forever', 'archived']);
    expect(all[1].expiration).toBeNull();
    const p1 = (await a.get('/api/v2/certificates?pageSize=2').expect(200)).body;
    expect(p1).toMatchObject({ pageSize: 2, currentPage: 1, totalPages: 2 });
    expect(p1.items).toHaveLength(2);
    const p2 = (await a.get(`/api/v2/certificates?pageSize=2&paginationKey=${encodeURIComponent(p1.paginationKey)}`).expect(200)).body;
    expect(p2).toMatchObject({ currentPage: 2, paginationKey: null });
    expect(p2.items.map((c: { externalCertificateId: string }) => c.externalCertificateId)).toEqual(['archived']);
    expect((await a.get(`/api/v2/certificates?pageSize=2&paginationKey=${encodeURIComponent(p1.paginationKey.slice(0, -2) + 'xx')}`).expect(404)).body.error).toBe('not_found');
    await a.get(`/api/v2/certificates?pageSize=3&paginationKey=${encodeURIComponent(p1.paginationKey)}`).expect(404);
    await a.get('/api/v2/certificates?pageSize=0').expect(400);
    expect((await a.get('/api/v2/certificates').expect(200)).body.paginationKey).toBeNull();
    expect((await a.get('/api/v2/certificates/safety').expect(200)).body.name).toBe('Safety 2026');
    expect((await a.get('/api/v2/certificates/ghost').expect(404)).body.error).toBe('not_found');
  });

  it('forceComplete of every course certifies the user with expiration = certification + duration × period; the PDF opens', async () => {
    await a.post('/api/v2/channels/course-v1:acme+a+1/users/ann').expect(200);
    await a.post('/api/v2/channels/course-v1:acme+b+1/users/ann').expect(200);
    let states = (await a.get('/api/v1/certificates/users/ann').expect(200)).body;
    expect(states.map((s: { externalCertificateId: string; state: string }) => [s.externalCertificateId, s.state])).toEqual([
      ['safety', 'INIT'],
      ['forever', 'INIT'],
      ['archived', 'REVOKED'],
    ]);
    await a.post('/api/v4/channels/forceComplete/channel/course-v1:acme+a+1/user/ann').expect(200);
    states = (await a.get('/api/v1/certificates/users/ann').expect(200)).body;
    expect(states[0]).toMatchObject({ externalCertificateId: 'safety', state: 'IN_PROGRESS', certificationDate: null, expirationDate: null, pdfUrl: null, isRequired: false });
    const perf = (await a.post('/api/v4/channels/forceComplete/channel/course-v1:acme+b+1/user/ann').expect(200)).body;
    expect(perf.progress).toBe(100);
    expect((await a.get('/api/v1/performance?externalUserId=ann').expect(200)).body.map((p: { progress: number }) => p.progress)).toEqual([100, 100]);
    states = (await a.get('/api/v1/certificates/users/ann').expect(200)).body;
    const safety = states.find((s: { externalCertificateId: string }) => s.externalCertificateId === 'safety');
    expect(safety).toMatchObject({ name: 'Safety 2026', state: 'CERTIFIED', isRequired: false });
    const certified = new Date(safety.certificationDate);
    const expected = new Date(certified);
    expected.setUTCMonth(expected.getUTCMonth() + 12);
    expect(safety.expirationDate).toBe(expected.toISOString());
    expect(states.find((s: { externalCertificateId: string }) => s.externalCertificateId === 'forever')).toMatchObject({ state: 'CERTIFIED', expirationDate: null });
    // Only ACTIVE certificates certify.
    expect(states.find((s: { externalCertificateId: string }) => s.externalCertificateId === 'archived')).toMatchObject({ state: 'REVOKED', certificationDate: null });

    const url = new URL(safety.pdfUrl, 'http://x');
    const pdf = await env.ctx.http().get(url.pathname).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(pdf.headers['content-type']).toMatch(/^application\/pdf/);
    const body = pdf.body as Buffer;
    expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = body.toString('latin1');
    expect(text).toContain('(ANN Learner) Tj');
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    // The xref offsets point at the objects.
    const xrefAt = Number(/startxref\n(\d+)/.exec(text)![1]);
    expect(text.slice(xrefAt, xrefAt + 4)).toBe('xref');
    const offsets = [...text.slice(xrefAt).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    offsets.forEach((o, i) => expect(text.slice(o, o + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`));
    // A forged link is refused.
    const flip = (c: string) => (c === 'a' ? 'b' : 'a');
    await env.ctx.http().get(url.pathname.replace(/pdf\/(.)/, (_, c: string) => `pdf/${flip(c)}`)).expect(404); // another (user, certificate)
    await env.ctx.http().get(url.pathname.replace(/\.(.)/, (_, c: string) => `.${c === 'Q' ? 'R' : 'Q'}`)).expect(404); // another signature
    await env.ctx.http().get('/api/v1/certificates/pdf/garbage').expect(404);
  });

  it('ABOUT_TO_EXPIRE in the last 30 days, EXPIRED after; a later completion renews an expired certification', async () => {
    const setExpiry = (ms: number) =>
      env.ctx.db.query(
        `UPDATE user_certificate SET expiration_date = now() + ($1 || ' milliseconds')::interval FROM "user" u, certificate c
          WHERE u.id = user_certificate.user_id AND c.id = user_certificate.certificate_id AND u.identifier = 'ann' AND c.external_certificate_id = 'safety'`,
        [String(ms)],
      );
    const state = async () => (await a.get('/api/v1/certificates/users/ann').expect(200)).body.find((s: { externalCertificateId: string }) => s.externalCertificateId === 'safety');
    await setExpiry(10 * DAY);
    expect((await state()).state).toBe('ABOUT_TO_EXPIRE');
    await setExpiry(40 * DAY);
    expect((await state()).state).toBe('CERTIFIED');
    await setExpiry(-DAY);
    expect((await state()).state).toBe('EXPIRED');
    // Progress without a new completion does not renew it ...
    await a.put('/api/v1/channels/course-v1:acme+a+1/contentItems/a2/users/ann/progress').send({ completed: true }).expect(200);
    expect((await state()).state).toBe('EXPIRED');
    // ... a completion after the certification does.
    await env.ctx.db.query(`UPDATE user_certificate SET certification_date = now() - interval '2 years' FROM "user" u WHERE u.id = user_certificate.user_id AND u.identifier = 'ann'`);
    await env.ctx.db.query(`UPDATE enrollment SET completed_at = NULL FROM "user" u, channel c WHERE u.id = enrollment.user_id AND c.id = enrollment.channel_id AND u.identifier = 'ann' AND c.identifier = 'course-v1:acme+b+1'`);
    await env.ctx.db.query(`DELETE FROM content_progress USING "user" u WHERE u.id = content_progress.user_id AND u.identifier = 'ann'`);
    await a.put('/api/v1/channels/course-v1:acme+b+1/contentItems/b1/users/ann/progress').send({ completed: true }).expect(200);
    const renewed = await state();
    expect(renewed.state).toBe('CERTIFIED');
    expect(Date.now() - new Date(renewed.certificationDate).getTime()).toBeLessThan(DAY * 400);
  });

  it('a certificate created after the learner completed its courses certifies at once', async () => {
    await a.put('/api/v1/certificates').send({ externalCertificateId: 'late', name: 'Late', expiration: { duration: 30, period: 'DAY' }, courseIds: ['course-v1:acme+b+1'] }).expect(201);
    const late = (await a.get('/api/v1/certificates/users/ann').expect(200)).body.find((s: { externalCertificateId: string }) => s.externalCertificateId === 'late');
    expect(late.state).toBe('ABOUT_TO_EXPIRE');
    expect(new Date(late.expirationDate).getTime() - new Date(late.certificationDate).getTime()).toBe(30 * DAY);
  });

  it('PUT /api/v1/certificates/compliance: 200, 404 unknown user or certificate, 409 without a connection', async () => {
    const res = (await a.put('/api/v1/certificates/compliance').send({ certificateIdentifier: 'safety', userIdentifier: 'ann', isRequired: true }).expect(200)).body;
    expect(res).toMatchObject({ externalCertificateId: 'safety', isRequired: true });
    expect((await a.get('/api/v1/certificates/users/ann').expect(200)).body[0].isRequired).toBe(true);
    expect((await a.put('/api/v1/certificates/compliance').send({ certificateIdentifier: 'safety', userIdentifier: 'ghost', isRequired: true }).expect(404)).body.error).toBe('item_not_exists');
    expect((await a.put('/api/v1/certificates/compliance').send({ certificateIdentifier: 'ghost', userIdentifier: 'ann', isRequired: true }).expect(404)).body.error).toBe('item_not_exists');
    const conflict = await a.put('/api/v1/certificates/compliance').send({ certificateIdentifier: 'safety', userIdentifier: 'bob', isRequired: true }).expect(409);
    expect(conflict.body).toEqual({ error: 'item_not_exists', error_description: expect.stringContaining('no connection') });
    await a.put('/api/v1/certificates/compliance').send({ certificateIdentifier: 'safety', userIdentifier: 'ann' }).expect(400);
    await a.put('/api/v1/certificates/compliance').send({ certificateIdentifier: 'safety', userIdentifier: 'ann', isRequired: 'yes' }).expect(400);
    // Enrolled in a course of it: connected, required, not yet certified.
    await a.post('/api/v2/channels/course-v1:acme+a+1/users/bob').expect(200);
    const bob = (await a.put('/api/v1/certificates/compliance').send({ certificateIdentifier: 'safety', userIdentifier: 'bob', isRequired: true }).expect(200)).body;
    expect(bob).toMatchObject({ state: 'INIT', isRequired: true, pdfUrl: null });
    expect((await a.get('/api/v1/certificates/users/cat').expect(200)).body).toEqual([]);
    expect((await a.get('/api/v1/certificates/users/ghost').expect(404)).body.error).toBe('not_found');
  });

  it("another account sees none of it", async () => {
    const other = (await env.ctx.newAccount()).api;
    expect((await other.get('/api/v1/certificates').expect(200)).body).toEqual([]);
    expect((await other.get('/api/v2/certificates').expect(200)).body).toMatchObject({ items: [], totalPages: 0, paginationKey: null });
    await other.get('/api/v2/certificates/safety').expect(404);
    await other.get('/api/v1/certificates/users/ann').expect(404);
    await other.put('/api/v1/certificates/compliance').send({ certificateIdentifier: 'safety', userIdentifier: 'ann', isRequired: false }).expect(404);
    await other.put('/api/v1/certificates').send({ externalCertificateId: 'mine', name: 'M', courseIds: ['course-v1:acme+a+1'] }).expect(404);
    const p1 = (await a.get('/api/v2/certificates?pageSize=1').expect(200)).body;
    await other.get(`/api/v2/certificates?pageSize=1&paginationKey=${encodeURIComponent(p1.paginationKey)}`).expect(404);
    await env.ctx.http().get('/api/v1/certificates').expect(401);
  });
});
