import type { DestinationStream } from 'pino';

const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };

/** What every line has or what is shown in its own place; anything else follows as key=value. */
const SHOWN = new Set(['level', 'time', 'pid', 'hostname', 'context', 'msg', 'req', 'res', 'responseTime', 'err']);

interface LogRecord {
  level?: number;
  time?: number;
  context?: string;
  msg?: string;
  req?: { id?: string; method?: string; url?: string };
  res?: { statusCode?: number };
  responseTime?: number;
  err?: { type?: string; message?: string; stack?: string };
  [key: string]: unknown;
}

/**
 * One pino JSON line as a person reads it: `12:00:01.234 INFO  Context: message GET /path 200 3ms key=value`,
 * an error's stack indented below. A line that is not JSON is passed through unchanged.
 */
export function prettyLine(line: string): string {
  let record: LogRecord;
  try {
    record = JSON.parse(line) as LogRecord;
  } catch {
    return line;
  }
  if (!record || typeof record !== 'object') return line;
  const time = typeof record.time === 'number' ? new Date(record.time).toISOString().slice(11, 23) : '';
  const parts = [time, (LEVELS[record.level ?? 30] ?? String(record.level)).padEnd(5)];
  if (record.context) parts.push(`${record.context}:`);
  if (record.msg) parts.push(record.msg);
  if (record.req?.method) parts.push(`${record.req.method} ${record.req.url ?? ''}`);
  if (record.res?.statusCode !== undefined) parts.push(String(record.res.statusCode));
  if (typeof record.responseTime === 'number') parts.push(`${record.responseTime}ms`);
  for (const [key, value] of Object.entries(record)) {
    if (!SHOWN.has(key) && value !== undefined) parts.push(`${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  }
  if (record.req?.id) parts.push(`(request ${record.req.id})`);
  const head = parts.filter(Boolean).join(' ');
  const stack = record.err?.stack ?? (record.err?.message ? `${record.err.type ?? 'Error'}: ${record.err.message}` : '');
  return stack ? `${head}\n${stack.replace(/^/gm, '    ')}` : head;
}

/** A pino destination writing pretty lines to `out` (stdout by default), synchronously as pino's default does. */
export function prettyDestination(out: { write: (s: string) => unknown } = process.stdout): DestinationStream {
  return {
    write(chunk: string) {
      for (const line of chunk.split('\n')) if (line) out.write(`${prettyLine(line)}\n`);
    },
  };
}
