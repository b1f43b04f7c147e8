import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_ENV } from '../config/config.module';
import { AppEnv } from '../config/env';
import { UsersService } from '../users/users.service';
import { AccountsService } from './accounts.service';

/** Creates (or keeps) the configured superuser and API client; running it twice changes nothing. */
@Injectable()
export class BootstrapService implements OnApplicationBootstrap {
  private readonly logger = new Logger(BootstrapService.name);

  constructor(
    @Inject(APP_ENV) private readonly env: AppEnv,
    private readonly accounts: AccountsService,
    private readonly users: UsersService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { adminUsername, adminPassword, apiClientId, apiClientSecret, defaultAccount } = this.env;
    if (!(adminUsername && adminPassword) && !(apiClientId && apiClientSecret)) return;
    const account = await this.accounts.ensure(defaultAccount);
    if (adminUsername && adminPassword) {
      await this.users.ensureSuperuser(account.id, adminUsername, adminPassword);
      this.logger.log(`superuser "${adminUsername}" ready`);
    }
    if (apiClientId && apiClientSecret) {
      await this.accounts.ensureClient(account.id, apiClientId, apiClientSecret);
      this.logger.log(`API client "${apiClientId}" of account "${defaultAccount}" ready`);
    }
  }
}
