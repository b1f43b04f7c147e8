import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ApiClient } from '../accounts/api-client.entity';
import { APP_ENV } from '../config/config.module';
import { AppEnv } from '../config/env';
import { User } from '../users/user.entity';
import { AuthSession } from './auth-session.entity';
import { JwtClaims } from './principal';

export interface IssuedToken {
  accessToken: string;
  expiresInSeconds: number;
}

/** Signs the one JWT every dialect accepts. */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_ENV) private readonly env: AppEnv,
    @InjectRepository(AuthSession) private readonly sessions: Repository<AuthSession>,
  ) {}

  /** With a scope (OAuth2), the token carries it and is limited to it; without, it has the client's every right. */
  async forClient(client: Pick<ApiClient, 'clientId' | 'accountId'>, scope?: string): Promise<IssuedToken> {
    const claims: JwtClaims = { sub: `client:${client.clientId}`, acct: client.accountId, typ: 'client', ...(scope === undefined ? {} : { scope }) };
    return this.sign(claims, randomUUID());
  }

  async forUser(user: Pick<User, 'id' | 'accountId'>): Promise<IssuedToken & { sessionId: string }> {
    const expiresAt = new Date(Date.now() + this.env.jwtTtlSeconds * 1000);
    const session = await this.sessions.save(this.sessions.create({ userId: user.id, expiresAt, revokedAt: null }));
    const claims: JwtClaims = { sub: user.id, acct: user.accountId, typ: 'user', sid: session.id };
    return { ...(await this.sign(claims, session.id)), sessionId: session.id };
  }

  async revokeSession(sessionId: string): Promise<void> {
    await this.sessions.update({ id: sessionId }, { revokedAt: () => 'now()' });
  }

  private async sign(claims: JwtClaims, jti: string): Promise<IssuedToken> {
    const accessToken = await this.jwt.signAsync({ ...claims }, { jwtid: jti, expiresIn: this.env.jwtTtlSeconds });
    return { accessToken, expiresInSeconds: this.env.jwtTtlSeconds };
  }
}
