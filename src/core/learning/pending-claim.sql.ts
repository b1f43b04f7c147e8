import { UserCreatedSql } from '../users/user-change.listener';

/**
 * EnrollmentsRepository.claimPending for a user being inserted, as CTEs of its INSERT (UsersService.createIfAbsent):
 * the same DELETE … RETURNING feeding the same INSERT into enrollment, for an active user with an email.
 */
export const claimPendingOnCreate: UserCreatedSql = (ins, prefix) => [
  `${prefix}claimed AS (
     DELETE FROM pending_enrollment p
      USING ${ins} u
      WHERE u.is_active AND u.email IS NOT NULL AND p.account_id = u.account_id AND p.email = lower(u.email)
      RETURNING p.channel_id, p.auto_enroll, u.id AS user_id, u.account_id
   )`,
  `${prefix}enrolled AS (
     INSERT INTO enrollment (account_id, user_id, channel_id, is_active, enrolled_at)
     SELECT account_id, user_id, channel_id, true, now() FROM ${prefix}claimed WHERE auto_enroll
     ON CONFLICT (user_id, channel_id) DO UPDATE SET is_active = true, updated_at = now()
   )`,
];
