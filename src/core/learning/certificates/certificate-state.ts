/** Seed states of a user's certificate (Enabley ExternalUserCertificateState.state). */
export const USER_CERTIFICATE_STATES = ['IN_PROGRESS', 'CERTIFIED', 'AWAITS_LEARNER_CONFIRMATION', 'ABOUT_TO_EXPIRE', 'EXPIRED', 'INIT', 'REVOKED'] as const;
export type UserCertificateState = (typeof USER_CERTIFICATE_STATES)[number];

/** A certification is ABOUT_TO_EXPIRE in its last 30 days. */
export const ABOUT_TO_EXPIRE_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * The state of a user's certificate at `now`: certified users are CERTIFIED, ABOUT_TO_EXPIRE in the
 * last 30 days of validity and EXPIRED after it; the others are IN_PROGRESS once they started one of
 * its courses, INIT before. An ARCHIVED certificate held by nobody reads REVOKED.
 */
export function certificateStateAt(
  row: { certificationDate: Date | null; expirationDate: Date | null; started: boolean; certificateStatus: string },
  now: Date = new Date(),
): UserCertificateState {
  if (row.certificationDate) {
    if (!row.expirationDate) return 'CERTIFIED';
    const left = row.expirationDate.getTime() - now.getTime();
    if (left <= 0) return 'EXPIRED';
    return left <= ABOUT_TO_EXPIRE_MS ? 'ABOUT_TO_EXPIRE' : 'CERTIFIED';
  }
  if (row.certificateStatus === 'ARCHIVED') return 'REVOKED';
  return row.started ? 'IN_PROGRESS' : 'INIT';
}
