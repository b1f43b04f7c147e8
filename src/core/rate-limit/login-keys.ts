import { createHash } from 'node:crypto';

/**
 * Login keys of the failure limit: independent of whether the account exists (an unknown username or
 * client_id is counted and locked like a known one, so the lock reveals nothing), and hashed so the
 * table holds no usernames or client ids.
 */
export function usernameLoginKey(username: string): string {
  return createHash('sha256').update('user\0').update(username.normalize('NFC').toLowerCase()).digest('hex');
}

export function clientLoginKey(clientId: string): string {
  return createHash('sha256').update('client\0').update(clientId).digest('hex');
}
