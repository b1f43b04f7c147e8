import { PageBinding, PaginationKeyService } from './pagination-key.service';

describe('PaginationKeyService', () => {
  const keys = new PaginationKeyService(Buffer.from('k'.repeat(32)));
  const binding: PageBinding = { route: 'GET /x', accountId: 'a1', filters: { q: 'abc', empty: undefined }, pageSize: 10 };
  const state = { after: ['id-9', 'uuid'], page: 2, totalPages: 4, total: 35 };

  it('round-trips a key for the same query, whatever the filter order or empty filters', () => {
    const key = keys.encode(binding, state);
    expect(keys.decode(key, { ...binding, filters: { q: 'abc', other: '' } })).toEqual(state);
  });

  it('refuses another query, account, page size, key, or an expired key', () => {
    const key = keys.encode(binding, state);
    const notFound = expect.objectContaining({ status: 404 });
    expect(() => keys.decode(key, { ...binding, route: 'GET /y' })).toThrow(notFound);
    expect(() => keys.decode(key, { ...binding, accountId: 'a2' })).toThrow(notFound);
    expect(() => keys.decode(key, { ...binding, pageSize: 11 })).toThrow(notFound);
    expect(() => keys.decode(key, { ...binding, filters: { q: 'abd' } })).toThrow(notFound);
    expect(() => new PaginationKeyService(Buffer.from('other-key')).decode(key, binding)).toThrow(notFound);
    expect(() => keys.decode(keys.encode(binding, state, 1000, 0), binding)).toThrow(notFound);
    for (const bad of ['', '.', 'abc', `${key}x`, key.replace(/^./, 'A'), 'x'.repeat(5000)]) expect(() => keys.decode(bad, binding)).toThrow(notFound);
  });
});
