import { createHmac } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_ENV } from '../../../core/config/config.module';
import { AppEnv } from '../../../core/config/env';
import { resolveJwtSecret } from '../../../core/auth/jwt-key.provider';
import { PAGINATION_SIGNING_KEY, PaginationKeyService } from './pagination-key.service';
import { KeysetPaginator } from './paginator';

/**
 * Signed, query-bound paginationKeys and keyset pages for every paginated Enabley route. The signing key
 * is derived from the JWT secret (the same secret the core resolves), under its own label, so a JWT can
 * never be replayed as a paginationKey or the other way round.
 */
@Module({
  providers: [
    {
      provide: PAGINATION_SIGNING_KEY,
      inject: [APP_ENV],
      useFactory: (env: AppEnv) => createHmac('sha256', resolveJwtSecret(env)).update('enabley-pagination-key/v1').digest(),
    },
    PaginationKeyService,
    KeysetPaginator,
  ],
  exports: [PaginationKeyService, KeysetPaginator],
})
export class EnableyPaginationModule {}
