import { createHmac, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { resolveJwtSecret } from '../../../core/auth/jwt-key.provider';
import { APP_ENV } from '../../../core/config/config.module';
import { AppEnv } from '../../../core/config/env';
import { parseUuid } from '../../../core/http/ids';

/**
 * pdfUrl links: /api/v1/certificates/pdf/{token}, the token naming (user, certificate) and signed with a
 * key derived from the JWT secret under its own label, so the link works without a bearer token (as a
 * document link must) and cannot be forged for another user or certificate.
 */
@Injectable()
export class CertificatePdfLinks {
  private readonly key: Buffer;

  constructor(@Inject(APP_ENV) private readonly env: AppEnv) {
    this.key = createHmac('sha256', resolveJwtSecret(env)).update('enabley-certificate-pdf/v1').digest();
  }

  private mac(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }

  url(userId: string, certificateId: string): string {
    const body = `${userId.replace(/-/g, '')}${certificateId.replace(/-/g, '')}`;
    return `${(this.env.publicUrl ?? '').replace(/\/$/, '')}/api/v1/certificates/pdf/${body}.${this.mac(body)}`;
  }

  /** The (user, certificate) a token names, or null when it is malformed or its signature is wrong. */
  parse(token: string): { userId: string; certificateId: string } | null {
    const m = /^([0-9a-f]{64})\.([A-Za-z0-9_-]{43})$/.exec(token);
    if (!m) return null;
    // Compared as text, so a non-canonical encoding of the same MAC is refused too.
    const given = Buffer.from(m[2], 'latin1');
    const expected = Buffer.from(this.mac(m[1]), 'latin1');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    return { userId: parseUuid(m[1].slice(0, 32))!, certificateId: parseUuid(m[1].slice(32))! };
  }
}
