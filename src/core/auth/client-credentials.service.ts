import { Injectable, OnModuleInit } from '@nestjs/common';
import { AccountsService } from '../accounts/accounts.service';
import { LoginFailureLimit } from '../rate-limit/login-failure-limit.service';
import { clientLoginKey } from '../rate-limit/login-keys';
import { warmDummyHash } from './password-hasher';
import { IssuedToken, TokenService } from './token.service';

/** Client-credentials exchange shared by the OAuth2 and Enabley token endpoints. */
@Injectable()
export class ClientCredentialsService implements OnModuleInit {
  constructor(
    private readonly accounts: AccountsService,
    private readonly tokens: TokenService,
    private readonly failures: LoginFailureLimit,
  ) {}

  onModuleInit(): void {
    warmDummyHash();
  }

  /** A token (limited to `scope` when given), or null for an unknown, revoked or wrong client; 429 while the client_id is locked by failures. */
  async issue(clientId: string, secret: string, scope?: string): Promise<IssuedToken | null> {
    const client = await this.failures.guard(clientLoginKey(clientId), () => this.accounts.authenticateClient(clientId, secret), (c) => !c);
    return client ? this.tokens.forClient(client, scope) : null;
  }
}
