import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ApiError } from '../../../core/http/api-error';
import { isoDate } from '../../../core/http/ids';
import { renderCertificatePdf } from '../../../core/learning/certificates/certificate-pdf';
import { CertificatesService, CertificateView, UserCertificateView } from '../../../core/learning/certificates/certificates.service';
import { CertificateDataDto, CertificateInfoDto, UserCertificateStateDto } from './certificate.dto';
import { CertificatePdfLinks } from './certificate-pdf-link.service';
import { enableyUserId } from '../users/enabley-user-id';
import { rows } from '../../../core/database/sql';

export function toCertificateInfo(c: CertificateView): CertificateInfoDto {
  return {
    courseIds: c.courseIds,
    created: isoDate(c.createdAt)!,
    expiration: c.expiration,
    externalCertificateId: c.externalCertificateId,
    name: c.name,
    status: c.status,
  };
}

/** The Enabley wire side of the core certificates. */
@Injectable()
export class EnableyCertificatesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly certificates: CertificatesService,
    private readonly links: CertificatePdfLinks,
  ) {}

  toState(c: UserCertificateView): UserCertificateStateDto {
    return {
      certificationDate: isoDate(c.certificationDate),
      expirationDate: isoDate(c.expirationDate),
      externalCertificateId: c.externalCertificateId,
      isRequired: c.isRequired,
      name: c.name,
      pdfUrl: c.certificationDate ? this.links.url(c.userId, c.id) : null,
      state: c.state,
    };
  }

  async upsert(accountId: string, dto: CertificateDataDto): Promise<{ certificate: CertificateInfoDto; created: boolean }> {
    let channelIds: string[] | undefined;
    if (dto.courseIds) {
      const wanted = [...new Set(dto.courseIds)];
      const channels = await rows<{ id: string; identifier: string; type: string }>(
        this.db,
        `SELECT id, identifier, type FROM channel WHERE account_id = $1 AND identifier = ANY($2::text[])`,
        [accountId, wanted],
      );
      const found = new Map(channels.map((r) => [r.identifier, r]));
      const missing = wanted.filter((w) => !found.has(w));
      if (missing.length) throw ApiError.itemNotExists(`Unknown course(s): ${missing.join(', ')}.`);
      const streams = channels.filter((r) => r.type !== 'COURSE');
      if (streams.length) throw ApiError.badRequest(`Not a COURSE channel: ${streams.map((s) => s.identifier).join(', ')}.`, 'courseIds');
      channelIds = channels.map((r) => r.id);
    }
    const { certificate, created } = await this.certificates.upsert(accountId, {
      externalCertificateId: dto.externalCertificateId,
      name: dto.name,
      status: dto.status,
      expiration: dto.expiration === undefined ? undefined : dto.expiration ? { duration: dto.expiration.duration, period: dto.expiration.period } : null,
      channelIds,
    });
    return { certificate: toCertificateInfo(certificate), created };
  }

  async get(accountId: string, externalCertificateId: string): Promise<CertificateInfoDto> {
    const c = await this.certificates.findByExternalId(accountId, externalCertificateId);
    if (!c) throw ApiError.notFound(`No certificate "${externalCertificateId}".`);
    return toCertificateInfo(c);
  }

  async userStates(accountId: string, externalUserId: string): Promise<UserCertificateStateDto[]> {
    const userId = await enableyUserId(this.db, accountId, externalUserId);
    if (!userId) throw ApiError.notFound(`No user with identifier "${externalUserId}".`);
    return (await this.certificates.userCertificates(accountId, userId)).map((c) => this.toState(c));
  }

  /** 404 item_not_exists for an unknown user or certificate, 409 item_not_exists when they are not connected. */
  async setRequirement(accountId: string, userIdentifier: string, certificateIdentifier: string, isRequired: boolean): Promise<UserCertificateStateDto> {
    const userId = await enableyUserId(this.db, accountId, userIdentifier);
    if (!userId) throw ApiError.itemNotExists(`No user with identifier "${userIdentifier}".`);
    const certificate = await this.certificates.findByExternalId(accountId, certificateIdentifier);
    if (!certificate) throw ApiError.itemNotExists(`No certificate "${certificateIdentifier}".`);
    if (!(await this.certificates.setRequired(accountId, userId, certificate.id, isRequired))) {
      const msg = `User "${userIdentifier}" has no connection to certificate "${certificateIdentifier}" (not a learner of any of its courses).`;
      throw ApiError.itemNotExists(msg, 409);
    }
    const [state] = await this.certificates.userCertificates(accountId, userId, certificate.id);
    return this.toState(state);
  }

  /** The PDF of a certified user's certificate, by signed token; 404 when invalid or not certified, 410 once expired. */
  async pdf(token: string): Promise<Buffer> {
    const ids = this.links.parse(token);
    if (!ids) throw ApiError.notFound('No such certificate document.');
    if (ids === 'expired') {
      throw new ApiError(410, [{ code: 'NOT_FOUND', message: "This certificate link has expired; read the user's certificates again for a fresh pdfUrl." }]);
    }
    const [row] = await rows<{ certification_date: Date; expiration_date: Date | null; full_name: string; username: string; name: string; external_certificate_id: string }>(
      this.db,
      `SELECT uc.certification_date, uc.expiration_date, u.full_name, u.username, c.name, c.external_certificate_id
         FROM user_certificate uc JOIN "user" u ON u.id = uc.user_id JOIN certificate c ON c.id = uc.certificate_id
        WHERE uc.user_id = $1 AND uc.certificate_id = $2 AND uc.certification_date IS NOT NULL`,
      [ids.userId, ids.certificateId],
    );
    if (!row) throw ApiError.notFound('No such certificate document.');
    return renderCertificatePdf({
      certificateName: row.name,
      learnerName: row.full_name || row.username,
      certificationDate: row.certification_date,
      expirationDate: row.expiration_date,
      reference: `${row.external_certificate_id} / ${token.slice(0, 16)}`,
    });
  }
}
