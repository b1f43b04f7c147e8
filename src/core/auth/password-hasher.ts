import { createHmac, randomBytes } from 'node:crypto';
import * as argon2 from 'argon2';

/** OWASP's argon2id baseline (19 MiB, 2 passes): strong, yet a login costs tens of milliseconds, not hundreds. */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

// Remembers recent successful verifications by an HMAC of (hash, secret) under a per-process key,
// so a client fetching many tokens does not pay argon2 each time; plaintext never lands in memory maps.
const cacheKey = randomBytes(32);
const verified = new Map<string, number>();
const CACHE_MS = 5 * 60_000;
const CACHE_MAX = 10_000;

export async function hashSecret(secret: string): Promise<string> {
  return argon2.hash(secret, OPTIONS);
}

export async function verifySecret(hash: string | null | undefined, secret: string): Promise<boolean> {
  if (!hash || !secret) return false;
  const key = createHmac('sha256', cacheKey).update(hash).update('\0').update(secret).digest('base64');
  const until = verified.get(key);
  if (until && until > Date.now()) return true;
  let ok = false;
  try {
    ok = await argon2.verify(hash, secret);
  } catch {
    ok = false;
  }
  if (ok) {
    if (verified.size >= CACHE_MAX) verified.clear();
    verified.set(key, Date.now() + CACHE_MS);
  }
  return ok;
}

/**
 * A hash that verifies nothing, made with the same OPTIONS as real hashes, so checking a secret for an
 * unknown user or client costs what a wrong secret costs. Computed once per process; warmDummyHash() at
 * startup keeps the first unknown login from paying for the hashing too.
 */
let dummy: Promise<string> | null = null;
export function dummyHash(): Promise<string> {
  // A failed hash is not kept: the next unknown login tries again instead of failing for the process's life.
  dummy ??= hashSecret(randomBytes(16).toString('hex')).catch((e: unknown) => {
    dummy = null;
    throw e;
  });
  return dummy;
}

/**
 * Starts the hash and returns at once: it runs on libuv's thread pool while the rest of the application
 * starts (awaiting it held every later module's start by one argon2 hash, 40-150 ms). A login that comes
 * before it is done awaits the same promise.
 */
export function warmDummyHash(): void {
  dummyHash().catch(() => undefined);
}

/** Spends a real argon2 verification on the dummy hash and answers false. */
export async function verifyAgainstDummy(secret: string): Promise<false> {
  await verifySecret(await dummyHash(), secret);
  return false;
}
