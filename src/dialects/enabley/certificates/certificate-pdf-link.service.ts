import { createHmac, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { resolveJwtSecret } from '../../../core/auth/jwt-key.provider';
import { APP_ENV } from '../../../core/config/config.module';
import { AppEnv } from '../../../core/config/env';
import { parseUuid } from '../../../core/http/ids';

export type PdfLinkTarget = { userId: string; certificateId: string };

/**
 * pdfUrl links: /api/v1/certificates/pdf/{ids}.{expiry}.{mac}: the token names (user, certificate) and
 * the second it stops working (now + CERTIFICATE_LINK_TTL_SECONDS when the link is handed out), signed
 * with a key derived from the JWT secret under its own label, so the link works without a bearer token
 * (as a document link must) and cannot be forged for another user or certificate, nor extended.
 * The label names the format: links of the earlier format (no expiry) are refused.
 */
@Injectable()
export class CertificatePdfLinks {
  private readonly key: Buffer;

  constructor(@Inject(APP_ENV) private readonly env: AppEnv) {
    this.key = createHmac('sha256', resolveJwtSecret(env)).update('enabley-certificate-pdf/v2').digest();
  }

  private mac(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }

  url(userId: string, certificateId: string, now = Date.now()): string {
    const expires = Math.floor(now / 1000) + this.env.certificateLinkTtlSeconds;
    const body = `${userId.replace(/-/g, '')}${certificateId.replace(/-/g, '')}.${expires}`;
    return `${(this.env.publicUrl ?? '').replace(/\/$/, '')}/api/v1/certificates/pdf/${body}.${this.mac(body)}`;
  }

  /** The (user, certificate) a token names; null when it is malformed or its signature is wrong; 'expired' past its expiry. */
  parse(token: string, now = Date.now()): PdfLinkTarget | 'expired' | null {
    const m = /^([0-9a-f]{64})\.([0-9]{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
    if (!m) return null;
    // Compared as text, so a non-canonical encoding of the same MAC is refused too.
    const given = Buffer.from(m[3], 'latin1');
    const expected = Buffer.from(this.mac(`${m[1]}.${m[2]}`), 'latin1');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    if (Number(m[2]) * 1000 <= now) return 'expired';
    return { userId: parseUuid(m[1].slice(0, 32))!, certificateId: parseUuid(m[1].slice(32))! };
  }
}
