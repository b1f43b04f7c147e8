import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccountsModule } from '../accounts/accounts.module';
import { APP_ENV } from '../config/config.module';
import { AppEnv } from '../config/env';
import { PolicyGuard } from '../policy/policy.guard';
import { addressThrottlerOptions } from '../rate-limit/address-throttler.options';
import { RateLimitModule } from '../rate-limit/rate-limit.module';
import { ScimTokensModule } from '../scim-tokens/scim-tokens.module';
import { AuthSession } from './auth-session.entity';
import { ClientCredentialsService } from './client-credentials.service';
import { JwtAuthGuard } from './jwt-auth.guard';
import { JWT_AUDIENCE, JWT_ISSUER, resolveJwtSecret } from './jwt-key.provider';
import { JWT_SECRET, JwtStrategy } from './jwt.strategy';
import { PrincipalService } from './principal.service';
import { SessionPrincipalCache } from './session-principal.cache';
import { SessionService } from './session.service';
import { TokenResponseHeaders } from './token-response-headers';
import { TokenService } from './token.service';

@Module({
  imports: [
    AccountsModule,
    ScimTokensModule,
    TypeOrmModule.forFeature([AuthSession]),
    JwtModule.registerAsync({
      inject: [JWT_SECRET],
      useFactory: (secret: string) => ({ secret, signOptions: { algorithm: 'HS256', issuer: JWT_ISSUER, audience: JWT_AUDIENCE } }),
      extraProviders: [{ provide: JWT_SECRET, inject: [APP_ENV], useFactory: (env: AppEnv) => resolveJwtSecret(env) }],
    }),
    RateLimitModule,
    ThrottlerModule.forRootAsync({
      inject: [APP_ENV, DataSource],
      // Token and login endpoints only (they opt in with ThrottlerGuard): one bucket per client address, in PostgreSQL.
      useFactory: (env: AppEnv, db: DataSource) => addressThrottlerOptions(env, db),
    }),
  ],
  providers: [
    { provide: JWT_SECRET, inject: [APP_ENV], useFactory: (env: AppEnv) => resolveJwtSecret(env) },
    TokenService,
    PrincipalService,
    SessionPrincipalCache,
    ClientCredentialsService,
    SessionService,
    TokenResponseHeaders,
    JwtStrategy,
    // Order matters: authenticate first, then evaluate the route's declared policy.
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useExisting: PolicyGuard },
  ],
  // The dialects' token and login routes (Triboo /oauth2/, Enabley /api/v1/token, Kolibri /api/auth/session) call these.
  exports: [TokenService, ClientCredentialsService, SessionService],
})
export class AuthModule {}
