import { EntityManager } from 'typeorm';
import { rows } from '../database/sql';

/**
 * The one place that ends users' login sessions in bulk (password change, deactivation, a rotated
 * ADMIN_PASSWORD). It runs in the caller's transaction, so the revocation commits with the change that
 * caused it; the principal lookup reads auth_session on every request, so the next request sees it.
 * `keepSessionId` spares the session that made the change (it only matters when it is one of theirs).
 * Returns the ids of the sessions ended.
 */
export async function revokeUserSessions(m: EntityManager, userIds: string[], keepSessionId?: string): Promise<string[]> {
  if (!userIds.length) return [];
  const ended = await rows<{ id: string }>(
    m,
    `UPDATE auth_session SET revoked_at = now()
      WHERE user_id = ANY($1::uuid[]) AND revoked_at IS NULL AND expires_at > now() AND ($2::uuid IS NULL OR id <> $2::uuid)
      RETURNING id`,
    [userIds, keepSessionId ?? null],
  );
  return ended.map((r) => r.id);
}
