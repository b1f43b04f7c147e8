import { ApiError } from '../http/api-error';

const isConflict = (e: unknown) => e instanceof ApiError && e.status === 409;

/**
 * Runs an upsert once more after a conflict. "SELECT ... FOR UPDATE, then INSERT" locks no missing row, so two
 * concurrent creates of the same new key both try the INSERT and the loser trips the unique index; the second run
 * finds the winner's row and becomes an update. A real conflict (another row's unique value) fails again.
 */
export async function retryOnceOnConflict<T>(upsert: () => Promise<T>, conflict: (e: unknown) => boolean = isConflict): Promise<T> {
  try {
    return await upsert();
  } catch (e) {
    if (conflict(e)) return upsert();
    throw e;
  }
}
