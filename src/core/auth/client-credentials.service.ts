import { Injectable } from '@nestjs/common';
import { AccountsService } from '../accounts/accounts.service';
import { IssuedToken, TokenService } from './token.service';

/** Client-credentials exchange shared by the OAuth2 and Enabley token endpoints. */
@Injectable()
export class ClientCredentialsService {
  constructor(
    private readonly accounts: AccountsService,
    private readonly tokens: TokenService,
  ) {}

  async issue(clientId: string, secret: string): Promise<IssuedToken | null> {
    const client = await this.accounts.authenticateClient(clientId, secret);
    return client ? this.tokens.forClient(client) : null;
  }
}
