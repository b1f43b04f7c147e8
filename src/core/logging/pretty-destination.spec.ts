import { prettyDestination, prettyLine } from './pretty-destination';

describe('pretty log lines', () => {
  const time = Date.UTC(2026, 11, 2, 4, 5, 6, 789);

  it('a context message, a request with its status and time, extra fields as key=value', () => {
    expect(prettyLine(JSON.stringify({ level: 30, time, pid: 1, hostname: 'h', context: 'BootstrapService', msg: 'superuser "root" ready' }))).toBe(
      '04:05:06.789 INFO  BootstrapService: superuser "root" ready',
    );
    expect(prettyLine(JSON.stringify({ level: 40, time, req: { id: 'r1', method: 'GET', url: '/x?secret=[redacted]' }, res: { statusCode: 404 }, responseTime: 3, msg: 'request completed', extra: { a: 1 } }))).toBe(
      '04:05:06.789 WARN  request completed GET /x?secret=[redacted] 404 3ms extra={"a":1} (request r1)',
    );
  });

  it('an error with its stack indented below; a line that is not JSON unchanged', () => {
    const out = prettyLine(JSON.stringify({ level: 50, time, msg: 'boom', err: { type: 'Error', message: 'boom', stack: 'Error: boom\n    at f (x.ts:1)' } }));
    expect(out.split('\n')).toEqual(['04:05:06.789 ERROR boom', '    Error: boom', '        at f (x.ts:1)']);
    expect(prettyLine('plain text')).toBe('plain text');
  });

  it('writes each line of a chunk', () => {
    const written: string[] = [];
    prettyDestination({ write: (s) => written.push(s) }).write(`${JSON.stringify({ level: 20, time, msg: 'a' })}\n${JSON.stringify({ level: 30, time, msg: 'b' })}\n`);
    expect(written).toEqual(['04:05:06.789 DEBUG a\n', '04:05:06.789 INFO  b\n']);
  });
});
