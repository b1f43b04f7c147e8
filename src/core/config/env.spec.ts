import { EnvError, loadEnv } from './env';

describe('loadEnv', () => {
  it('applies the documented defaults', () => {
    const env = loadEnv({});
    expect(env).toMatchObject({ port: 3000, host: '127.0.0.1', defaultAccount: 'default', databaseUrl: undefined, databaseListenUrl: undefined, jwtTtlSeconds: 3600, outboxLeaseSeconds: 60 });
    expect(env.dataDir).toMatch(/\.data$/);
  });

  it.each([
    [{ PORT: 'abc' }, /^PORT /],
    [{ PORT: '70000' }, /^PORT /],
    [{ DATABASE_URL: 'not a url' }, /^DATABASE_URL /],
    [{ DATABASE_URL: 'mysql://x@y/z' }, /^DATABASE_URL /],
    [{ ADMIN_USERNAME: 'a' }, /^ADMIN_USERNAME and ADMIN_PASSWORD/],
    [{ JWT_SECRET: 'short' }, /^JWT_SECRET /],
    [{ LOG_LEVEL: 'loud' }, /^LOG_LEVEL /],
    [{ LOG_FORMAT: 'xml' }, /^LOG_FORMAT must be one of pretty, json/],
    [{ DATABASE_LISTEN_URL: 'postgres://u:p@db/app' }, /^DATABASE_LISTEN_URL needs DATABASE_URL/],
    [{ DATABASE_URL: 'postgres://u:p@db/app', DATABASE_LISTEN_URL: 'http://x' }, /^DATABASE_LISTEN_URL /],
    [{ OUTBOX_LEASE_SECONDS: '0' }, /^OUTBOX_LEASE_SECONDS /],
  ])('refuses %j with one line naming the variable', (vars, message) => {
    expect(() => loadEnv(vars)).toThrow(EnvError);
    expect(() => loadEnv(vars)).toThrow(message);
  });

  it('accepts a PostgreSQL URL', () => {
    expect(loadEnv({ DATABASE_URL: 'postgres://u:p@db:5432/app' }).databaseUrl).toBe('postgres://u:p@db:5432/app');
  });
});
