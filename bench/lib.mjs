// Helpers of the benchmark: free ports, child servers, HTTP calls, timing and the result table.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, readlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import autocannon from 'autocannon';

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Spawns a node process and resolves once `ready` (a line, or a URL answering 200) is seen. */
export async function startProcess(args, { env = {}, readyLine, readyUrl, timeoutMs = 120_000 } = {}) {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`process exited early: ${output.slice(-2000)}`);
    if (readyLine && output.includes(readyLine)) return child;
    if (readyUrl) {
      try {
        if ((await fetch(readyUrl)).status === 200) return child;
      } catch {
        /* not yet */
      }
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`process not ready in time: ${output.slice(-2000)}`);
}

export function stopProcess(child) {
  return new Promise((resolve) => {
    if (!child || child.exitCode !== null) return resolve();
    child.on('exit', resolve);
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 20_000).unref();
  });
}

export async function call(base, method, path, { token, json, form, expect } = {}) {
  const headers = {};
  let body;
  if (token) headers.authorization = `Bearer ${token}`;
  if (json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(json);
  } else if (form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(form).toString();
  }
  const res = await fetch(base + path, { method, headers, body });
  const text = await res.text();
  let parsed;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = text;
  }
  if (expect && res.status !== expect) throw new Error(`${method} ${path} -> ${res.status} ${text.slice(0, 300)}`);
  return { status: res.status, body: parsed };
}

export async function timed(fn) {
  const started = process.hrtime.bigint();
  const value = await fn();
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, value };
}

/** req/s of `opts` under autocannon load; non-2xx answers make the row fail loudly. */
export async function load(opts) {
  const result = await autocannon({ connections: 50, duration: 5, ...opts });
  const bad = result.non2xx + result.errors + result.timeouts;
  if (bad > 0) throw new Error(`${opts.title ?? opts.url}: ${bad} failed requests of ${result.requests.total}`);
  return { rps: result.requests.average, p99: result.latency.p99, total: result.requests.total };
}

export function table(rows) {
  const head = ['benchmark', 'result', 'budget', 'verdict'];
  const all = [head, ...rows.map((r) => [r.name, r.result, r.budget ?? '', r.ok === undefined ? '' : r.ok ? 'ok' : 'OVER BUDGET'])];
  const widths = head.map((_, i) => Math.max(...all.map((r) => String(r[i]).length)));
  const line = (r) => '| ' + r.map((c, i) => String(c).padEnd(widths[i])).join(' | ') + ' |';
  return [line(head), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...rows.map((r) => line([r.name, r.result, r.budget ?? '', r.ok === undefined ? '' : r.ok ? 'ok' : 'OVER BUDGET']))].join('\n');
}

/** The pid of the process listening on `base`'s port (Linux /proc), or null when it cannot be found. */
export function pidListeningOn(base) {
  const port = Number(new URL(base).port).toString(16).toUpperCase().padStart(4, '0');
  const inodes = new Set();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f.length > 9 && f[1].endsWith(`:${port}`) && f[3] === '0A') inodes.add(`socket:[${f[9]}]`);
    }
  }
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      for (const fd of readdirSync(`/proc/${pid}/fd`)) if (inodes.has(readlinkSync(`/proc/${pid}/fd/${fd}`))) return Number(pid);
    } catch {
      /* gone, or not ours */
    }
  }
  return null;
}

/**
 * Runs `fn` and reports the peak resident set of process `pid` meanwhile, in MB: the kernel's
 * high-water mark reset first (clear_refs 5), with 10 ms sampling of VmRSS as the fallback.
 */
export async function peakRss(pid, fn) {
  const status = (key) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
  let reset = false;
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    reset = true;
  } catch {
    /* not allowed: sampling only */
  }
  const idle = status('VmRSS');
  let sampled = idle;
  const timer = setInterval(() => {
    try {
      sampled = Math.max(sampled, status('VmRSS'));
    } catch {
      /* exited */
    }
  }, 10);
  try {
    const value = await fn();
    return { value, idle, peak: Math.max(sampled, reset ? status('VmHWM') : 0) };
  } finally {
    clearInterval(timer);
  }
}
