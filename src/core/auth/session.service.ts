import { Injectable } from '@nestjs/common';
import { ApiError } from '../http/api-error';
import { LoginFailureLimit } from '../rate-limit/login-failure-limit.service';
import { usernameLoginKey } from '../rate-limit/login-keys';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { dummyHash, verifySecret } from './password-hasher';
import { TokenService } from './token.service';

export interface UserLogin {
  user: User;
  accessToken: string;
}

/** User login and logout for every dialect's session route; the dialect writes the answer. */
@Injectable()
export class SessionService {
  constructor(
    private readonly users: UsersService,
    private readonly tokens: TokenService,
    private readonly failures: LoginFailureLimit,
  ) {}

  /**
   * A session token for the user with this username and password; 401 otherwise, 429 while the username is
   * locked by failures (the limit counts the 401 and resets on success). `accountId` narrows the candidates to
   * one account (null: to none) when the client named where it logs in.
   */
  login(username: string, password: string, accountId?: string | null): Promise<UserLogin> {
    return this.failures.guard(usernameLoginKey(username), () => this.authenticate(username, password, accountId), () => false);
  }

  logout(sessionId: string): Promise<void> {
    return this.tokens.revokeSession(sessionId);
  }

  private async authenticate(username: string, password: string, accountId?: string | null): Promise<UserLogin> {
    let candidates = await this.users.findForLogin(username);
    if (accountId !== undefined) candidates = candidates.filter((u) => u.accountId === accountId);
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
    return { user, accessToken: token.accessToken };
  }
}
