import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ClientStatusCache } from '../accounts/client-status.cache';
import { poolRows } from '../database/sql';
import { JwtClaims, Principal } from './principal';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Turns verified claims into a live principal: a revoked client, a logged-out session or a
 * deactivated user stops working on the very next request. User sessions are looked up on every
 * request; active clients are cached briefly (ClientStatusCache, evicted on revocation).
 */
@Injectable()
export class PrincipalService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clientStatus: ClientStatusCache,
  ) {}

  async resolve(claims: JwtClaims): Promise<Principal | null> {
    if (claims.typ === 'client' && claims.sub?.startsWith('client:')) {
      const clientId = claims.sub.slice('client:'.length);
      const cached = this.clientStatus.get(clientId);
      if (cached !== undefined) return cached === claims.acct ? { kind: 'client', accountId: claims.acct, isSuperuser: false, clientId } : null;
      const rows = await poolRows<{ account_id: string }>(
        this.db,
        'SELECT account_id FROM api_client WHERE client_id = $1 AND revoked_at IS NULL',
        [clientId],
        'principal_client',
      );
      if (rows.length !== 1) return null;
      this.clientStatus.set(clientId, rows[0].account_id);
      if (rows[0].account_id !== claims.acct) return null;
      return { kind: 'client', accountId: claims.acct, isSuperuser: false, clientId };
    }
    if (claims.typ === 'user' && UUID.test(claims.sub ?? '') && UUID.test(claims.sid ?? '')) {
      const rows = await poolRows<{ account_id: string; is_superuser: boolean }>(
        this.db,
        `SELECT u.account_id, u.is_superuser
           FROM auth_session s JOIN "user" u ON u.id = s.user_id
          WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.is_active`,
        [claims.sid, claims.sub],
        'principal_user',
      );
      if (rows.length !== 1 || rows[0].account_id !== claims.acct) return null;
      return { kind: 'user', accountId: claims.acct, isSuperuser: rows[0].is_superuser, userId: claims.sub, sessionId: claims.sid };
    }
    return null;
  }
}
