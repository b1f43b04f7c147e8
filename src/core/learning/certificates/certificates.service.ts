import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { isUniqueViolation } from '../../database/pg-error';
import { retryOnceOnConflict } from '../../database/retry-on-conflict';
import { ApiError } from '../../http/api-error';
import { EnrollmentsService } from '../enrollments.service';
import { CertificateStatus, ExpirationPeriod } from './certificate.entity';
import { UserCertificateState, certificateStateAt } from './certificate-state';
import { rows } from '../../database/sql';

/** Most certificates one user's list holds. */
export const USER_CERTIFICATES_LIMIT = 10000;

export interface CertificateView {
  id: string;
  externalCertificateId: string;
  name: string;
  status: CertificateStatus;
  expiration: { duration: number; period: ExpirationPeriod } | null;
  /** Identifiers of the required courses, sorted. */
  courseIds: string[];
  createdAt: Date;
  /** createdAt at full (microsecond) precision, for keyset cursors. */
  createdKey: string;
}

export interface CertificateChanges {
  externalCertificateId: string;
  name?: string;
  status?: CertificateStatus;
  /** null removes the expiration; undefined keeps it. */
  expiration?: { duration: number; period: ExpirationPeriod } | null;
  /** Ids of the required channels; undefined keeps them. */
  channelIds?: string[];
}

export interface UserCertificateView extends CertificateView {
  userId: string;
  isRequired: boolean;
  certificationDate: Date | null;
  expirationDate: Date | null;
  state: UserCertificateState;
}

interface CertificateRow {
  id: string;
  external_certificate_id: string;
  name: string;
  status: CertificateStatus;
  expiration_duration: number | null;
  expiration_period: ExpirationPeriod | null;
  created_at: Date;
  created_key: string;
  course_ids: string[] | null;
}

const SELECT_CERTIFICATE = `
  SELECT c.id, c.external_certificate_id, c.name, c.status, c.expiration_duration, c.expiration_period, c.created_at, c.created_at::text AS created_key,
         (SELECT array_agg(ch.identifier ORDER BY ch.identifier) FROM certificate_course cc JOIN channel ch ON ch.id = cc.channel_id
           WHERE cc.certificate_id = c.id) AS course_ids
    FROM certificate c`;

/** certification date + duration × period, in SQL (`d` = completion date, `c` = certificate), computed in UTC whatever the session time zone. */
const EXPIRY_SQL = `((d.completed_at AT TIME ZONE 'UTC') + CASE c.expiration_period
    WHEN 'DAY' THEN make_interval(days => c.expiration_duration)
    WHEN 'MONTH' THEN make_interval(months => c.expiration_duration)
    WHEN 'YEAR' THEN make_interval(years => c.expiration_duration)
    ELSE NULL END) AT TIME ZONE 'UTC'`;

/**
 * Certificates belong to courses: completing every course of an ACTIVE certificate certifies the
 * user, valid for the certificate's expiration period. Re-evaluated set-based whenever enrollment
 * progress changes (EnrollmentsService.onProgressChange) and when a certificate's courses change.
 */
@Injectable()
export class CertificatesService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly enrollments: EnrollmentsService,
  ) {}

  onModuleInit(): void {
    this.enrollments.onProgressChange((manager, pairs) => this.evaluatePairs(manager, pairs));
  }

  static toView(r: CertificateRow): CertificateView {
    return {
      id: r.id,
      externalCertificateId: r.external_certificate_id,
      name: r.name,
      status: r.status,
      expiration: r.expiration_duration !== null && r.expiration_period ? { duration: r.expiration_duration, period: r.expiration_period } : null,
      courseIds: r.course_ids ?? [],
      createdAt: r.created_at,
      createdKey: r.created_key,
    };
  }

  /** Creates or updates a certificate by external id; `created` tells which. */
  async upsert(accountId: string, data: CertificateChanges): Promise<{ certificate: CertificateView; created: boolean }> {
    return retryOnceOnConflict(() => this.upsertOnce(accountId, data));
  }

  private async upsertOnce(accountId: string, data: CertificateChanges): Promise<{ certificate: CertificateView; created: boolean }> {
    return this.db.transaction(async (m) => {
      const [existing] = await rows<{ id: string }>(m, `SELECT id FROM certificate WHERE account_id = $1 AND external_certificate_id = $2 FOR UPDATE`, [accountId, data.externalCertificateId]);
      let id: string;
      if (existing) {
        id = existing.id;
        await rows(
          m,
          `UPDATE certificate SET name = coalesce($2, name), status = coalesce($3, status),
                  expiration_duration = CASE WHEN $4 THEN $5 ELSE expiration_duration END,
                  expiration_period = CASE WHEN $4 THEN $6 ELSE expiration_period END, updated_at = now()
            WHERE id = $1`,
          [id, data.name ?? null, data.status ?? null, data.expiration !== undefined, data.expiration?.duration ?? null, data.expiration?.period ?? null],
        );
      } else {
        if (!data.name) throw ApiError.required('name', 'A new certificate needs a name.');
        try {
          [{ id }] = await rows<{ id: string }>(
            m,
            `INSERT INTO certificate (account_id, external_certificate_id, name, status, expiration_duration, expiration_period)
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
            [accountId, data.externalCertificateId, data.name, data.status ?? 'ACTIVE', data.expiration?.duration ?? null, data.expiration?.period ?? null],
          );
        } catch (e) {
          if (isUniqueViolation(e)) throw ApiError.conflict('A certificate with that externalCertificateId already exists.', 'externalCertificateId');
          throw e;
        }
      }
      if (data.channelIds) {
        await rows(m, `DELETE FROM certificate_course WHERE certificate_id = $1 AND NOT (channel_id = ANY($2::uuid[]))`, [id, data.channelIds]);
        await rows(
          m,
          `INSERT INTO certificate_course (certificate_id, channel_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
          [id, data.channelIds],
        );
      }
      await this.evaluateCertificate(m, id);
      const [row] = await rows<CertificateRow>(m, `${SELECT_CERTIFICATE} WHERE c.id = $1`, [id]);
      return { certificate: CertificatesService.toView(row), created: !existing };
    });
  }

  async findByExternalId(accountId: string, externalCertificateId: string): Promise<CertificateView | null> {
    const [row] = await rows<CertificateRow>(this.db, `${SELECT_CERTIFICATE} WHERE c.account_id = $1 AND c.external_certificate_id = $2`, [accountId, externalCertificateId]);
    return row ? CertificatesService.toView(row) : null;
  }

  /** Keyset page in creation order: certificates after `after` = [createdAt ISO, id]. */
  async list(accountId: string, after: [string, string] | null, limit: number): Promise<CertificateView[]> {
    const found = await rows<CertificateRow>(
      this.db,
      `${SELECT_CERTIFICATE} WHERE c.account_id = $1 AND ($2::timestamptz IS NULL OR (c.created_at, c.id) > ($2::timestamptz, $3::uuid))
        ORDER BY c.created_at, c.id LIMIT $4`,
      [accountId, after?.[0] ?? null, after?.[1] ?? null, limit],
    );
    return found.map((r) => CertificatesService.toView(r));
  }

  async count(accountId: string): Promise<number> {
    const [{ n }] = await rows<{ n: number }>(this.db, `SELECT count(*)::int AS n FROM certificate WHERE account_id = $1`, [accountId]);
    return n;
  }

  /**
   * The certificates a user is connected to (holds a user-certificate record, or is an active learner of
   * one of its courses), with the user's state; `certificateId` narrows to one.
   */
  async userCertificates(accountId: string, userId: string, certificateId?: string, now = new Date()): Promise<UserCertificateView[]> {
    const found = await rows<CertificateRow & { is_required: boolean | null; certification_date: Date | null; expiration_date: Date | null; started: boolean; connected: boolean }>(
      this.db,
      `SELECT * FROM (
         SELECT x.*, uc.is_required, uc.certification_date, uc.expiration_date,
                EXISTS (SELECT 1 FROM certificate_course cc JOIN enrollment e ON e.channel_id = cc.channel_id AND e.user_id = $2
                         WHERE cc.certificate_id = x.id AND (e.status <> 'not_started' OR e.progress > 0)) AS started,
                uc.user_id IS NOT NULL OR EXISTS (SELECT 1 FROM certificate_course cc JOIN enrollment e ON e.channel_id = cc.channel_id AND e.user_id = $2
                         WHERE cc.certificate_id = x.id AND e.is_active) AS connected
           FROM (${SELECT_CERTIFICATE} WHERE c.account_id = $1 AND ($3::uuid IS NULL OR c.id = $3)) x
           LEFT JOIN user_certificate uc ON uc.certificate_id = x.id AND uc.user_id = $2
       ) s WHERE s.connected ORDER BY s.created_at, s.id LIMIT ${USER_CERTIFICATES_LIMIT}`,
      [accountId, userId, certificateId ?? null],
    );
    return found.map((r) => ({
      ...CertificatesService.toView(r),
      userId,
      isRequired: r.is_required ?? false,
      certificationDate: r.certification_date,
      expirationDate: r.expiration_date,
      state: certificateStateAt({ certificationDate: r.certification_date, expirationDate: r.expiration_date, started: r.started, certificateStatus: r.status }, now),
    }));
  }

  /** Marks the certificate required (or not) for the user; false when the user has no connection to it. */
  async setRequired(accountId: string, userId: string, certificateId: string, isRequired: boolean): Promise<boolean> {
    const [connected] = await this.userCertificates(accountId, userId, certificateId);
    if (!connected) return false;
    await rows(
      this.db,
      `INSERT INTO user_certificate (user_id, certificate_id, is_required) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, certificate_id) DO UPDATE SET is_required = EXCLUDED.is_required, updated_at = now()`,
      [userId, certificateId, isRequired],
    );
    return true;
  }

  /** Re-evaluates the certificates of these channels for these users (progress listener). */
  evaluatePairs(manager: EntityManager, pairs: { userId: string; channelId: string }[]): Promise<void> {
    if (!pairs.length) return Promise.resolve();
    return this.certify(
      manager,
      `SELECT DISTINCT t.user_id, cc.certificate_id
         FROM unnest($1::uuid[], $2::uuid[]) AS t(user_id, channel_id)
         JOIN certificate_course cc ON cc.channel_id = t.channel_id`,
      [pairs.map((p) => p.userId), pairs.map((p) => p.channelId)],
    );
  }

  /** Re-evaluates one certificate for every learner of its courses (after its courses changed). */
  evaluateCertificate(manager: EntityManager, certificateId: string): Promise<void> {
    return this.certify(
      manager,
      `SELECT DISTINCT e.user_id, cc.certificate_id
         FROM certificate_course cc JOIN enrollment e ON e.channel_id = cc.channel_id AND e.completed_at IS NOT NULL
        WHERE cc.certificate_id = $1`,
      [certificateId],
    );
  }

  /**
   * One statement: every candidate (user, certificate) whose courses are all complete becomes certified
   * on the date the last course was completed, unless already certified (an expired certification is
   * renewed only by a completion after it).
   */
  private async certify(manager: EntityManager, candidates: string, params: unknown[]): Promise<void> {
    await rows(
      manager,
      `WITH cand AS (${candidates}),
       d AS (
         SELECT cand.user_id, cand.certificate_id, max(e.completed_at) AS completed_at, bool_and(e.completed_at IS NOT NULL) AS all_done
           FROM cand
           JOIN certificate_course cc ON cc.certificate_id = cand.certificate_id
           LEFT JOIN enrollment e ON e.user_id = cand.user_id AND e.channel_id = cc.channel_id
          GROUP BY cand.user_id, cand.certificate_id
       )
       INSERT INTO user_certificate (user_id, certificate_id, certification_date, expiration_date)
       SELECT d.user_id, d.certificate_id, d.completed_at, ${EXPIRY_SQL}
         FROM d JOIN certificate c ON c.id = d.certificate_id
        WHERE d.all_done AND c.status = 'ACTIVE'
       ON CONFLICT (user_id, certificate_id) DO UPDATE
          SET certification_date = EXCLUDED.certification_date, expiration_date = EXCLUDED.expiration_date, updated_at = now()
        WHERE user_certificate.certification_date IS NULL
           OR (user_certificate.expiration_date IS NOT NULL AND user_certificate.expiration_date <= now()
               AND EXCLUDED.certification_date > user_certificate.certification_date)`,
      params,
    );
  }
}
