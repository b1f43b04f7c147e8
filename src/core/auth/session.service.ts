import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { ApiError } from '../http/api-error';
import { toHexId } from '../http/ids';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { dummyHash, verifySecret } from './password-hasher';
import { SESSION_ENRICHER_KEY, SessionEnricherProvider } from './session-extensions';
import { SessionDto } from './auth.dto';
import { TokenService } from './token.service';

@Injectable()
export class SessionService implements OnModuleInit {
  private enrichers: SessionEnricherProvider[] = [];

  constructor(
    private readonly users: UsersService,
    private readonly tokens: TokenService,
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    this.enrichers = this.discovery
      .getProviders()
      .filter((w) => w.instance && w.metatype && this.reflector.get(SESSION_ENRICHER_KEY, w.metatype))
      .map((w) => w.instance as SessionEnricherProvider);
  }

  async login(username: string, password: string, facility?: string): Promise<SessionDto> {
    let candidates = await this.users.findForLogin(username);
    if (facility) {
      for (const e of this.enrichers) {
        const accountId = await e.accountForFacility?.(facility);
        if (accountId !== undefined) candidates = candidates.filter((u) => u.accountId === accountId);
      }
    }
    let user: User | undefined;
    for (const candidate of candidates) {
      if (await verifySecret(candidate.passwordHash, password)) {
        user = candidate;
        break;
      }
    }
    if (!user) {
      if (!candidates.length) await verifySecret(await dummyHash(), password);
      throw new ApiError(401, [{ code: 'NOT_AUTHENTICATED', field: 'password', message: 'Invalid username or password.' }]);
    }
    const token = await this.tokens.forUser(user);
    const facts = { facility_id: null as string | null, kind: [] as string[] };
    for (const e of this.enrichers) {
      const more = await e.enrich(user);
      if (more.facility_id !== undefined) facts.facility_id = more.facility_id;
      if (more.kind) facts.kind.push(...more.kind);
    }
    if (user.isSuperuser && !facts.kind.includes('superuser')) facts.kind.unshift('superuser');
    return {
      id: toHexId(user.id),
      username: user.username,
      full_name: user.fullName || null,
      facility_id: facts.facility_id,
      kind: [...new Set(facts.kind)],
      access_token: token.accessToken,
    };
  }

  logout(sessionId: string): Promise<void> {
    return this.tokens.revokeSession(sessionId);
  }
}
