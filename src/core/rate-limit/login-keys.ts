import { createHash } from 'node:crypto';
import { usernameKey } from '../users/username-rules';

/**
 * Login keys of the failure limit: independent of whether the account exists (an unknown username or
 * client_id is counted and locked like a known one, so the lock reveals nothing), folded as usernames are for
 * uniqueness (look-alikes share one lock, as they share one login), and hashed so the table holds no usernames.
 */
export function usernameLoginKey(username: string): string {
  return createHash('sha256').update('user\0').update(usernameKey(username)).digest('hex');
}

export function clientLoginKey(clientId: string): string {
  return createHash('sha256').update('client\0').update(clientId).digest('hex');
}
