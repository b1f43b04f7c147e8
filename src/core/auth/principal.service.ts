import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ClientStatusCache } from '../accounts/client-status.cache';
import { rows } from '../database/sql';
import { JwtClaims, Principal } from './principal';
import { SessionPrincipalCache } from './session-principal.cache';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Turns verified claims into a live principal: a revoked client, a logged-out session or a
 * deactivated user stops working within milliseconds in every process. Both lookups are cached in
 * memory and evicted by the change feed (a database trigger NOTIFYs every revocation on commit);
 * while the feed is down the caches are bypassed, so every request reads the database.
 */
@Injectable()
export class PrincipalService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clientStatus: ClientStatusCache,
    private readonly sessions: SessionPrincipalCache,
  ) {}

  async resolve(claims: JwtClaims): Promise<Principal | null> {
    if (claims.typ === 'client' && claims.sub?.startsWith('client:')) return this.client(claims, claims.sub.slice('client:'.length));
    if (claims.typ === 'user' && UUID.test(claims.sub ?? '') && UUID.test(claims.sid ?? '')) return this.user(claims, claims.sid!);
    return null;
  }

  private async client(claims: JwtClaims, clientId: string): Promise<Principal | null> {
    let accountId = this.clientStatus.get(clientId);
    if (accountId === undefined) {
      const ticket = this.clientStatus.ticket();
      const found = await rows<{ account_id: string }>(
        this.db,
        'SELECT account_id FROM api_client WHERE client_id = $1 AND revoked_at IS NULL',
        [clientId],
        { name: 'principal_client' },
      );
      if (found.length !== 1) return null;
      accountId = found[0].account_id;
      this.clientStatus.set(clientId, accountId, ticket);
    }
    if (accountId !== claims.acct) return null;
    return { kind: 'client', accountId, isSuperuser: false, clientId, scope: claims.scope };
  }

  private async user(claims: JwtClaims, sessionId: string): Promise<Principal | null> {
    let session = this.sessions.get(sessionId);
    if (!session) {
      const ticket = this.sessions.ticket();
      const found = await rows<{ user_id: string; account_id: string; is_superuser: boolean; expires_at: Date }>(
        this.db,
        `SELECT s.user_id, u.account_id, u.is_superuser, s.expires_at
           FROM auth_session s JOIN "user" u ON u.id = s.user_id
          WHERE s.id = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.is_active`,
        [sessionId],
        { name: 'principal_session' },
      );
      if (found.length !== 1) return null;
      session = { userId: found[0].user_id, accountId: found[0].account_id, isSuperuser: found[0].is_superuser, expiresAt: found[0].expires_at.getTime() };
      this.sessions.set(sessionId, session, ticket);
    }
    if (session.userId !== claims.sub || session.accountId !== claims.acct) return null;
    return { kind: 'user', accountId: session.accountId, isSuperuser: session.isSuperuser, userId: session.userId, sessionId };
  }
}
