import { Module } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module';
import { APP_ENV } from '../config/config.module';
import { AppEnv } from '../config/env';
import { PolicyGuard } from '../policy/policy.guard';
import { AuthSession } from './auth-session.entity';
import { ClientCredentialsService } from './client-credentials.service';
import { EnableyTokenController } from './enabley-token.controller';
import { JwtAuthGuard } from './jwt-auth.guard';
import { JWT_AUDIENCE, JWT_ISSUER, resolveJwtSecret } from './jwt-key.provider';
import { JWT_SECRET, JwtStrategy } from './jwt.strategy';
import { OAuth2Controller } from './oauth2.controller';
import { PrincipalService } from './principal.service';
import { SessionController } from './session.controller';
import { SessionPrincipalCache } from './session-principal.cache';
import { SessionService } from './session.service';
import { TokenService } from './token.service';

@Module({
  imports: [
    DiscoveryModule,
    AccountsModule,
    PassportModule,
    TypeOrmModule.forFeature([AuthSession]),
    JwtModule.registerAsync({
      inject: [JWT_SECRET],
      useFactory: (secret: string) => ({ secret, signOptions: { algorithm: 'HS256', issuer: JWT_ISSUER, audience: JWT_AUDIENCE } }),
      extraProviders: [{ provide: JWT_SECRET, inject: [APP_ENV], useFactory: (env: AppEnv) => resolveJwtSecret(env) }],
    }),
    ThrottlerModule.forRootAsync({
      inject: [APP_ENV],
      // Token and login endpoints only (they opt in with ThrottlerGuard): per client address, per minute.
      useFactory: (env: AppEnv) => [{ name: 'default', ttl: 60_000, limit: env.tokenRateLimit }],
    }),
  ],
  controllers: [OAuth2Controller, EnableyTokenController, SessionController],
  providers: [
    { provide: JWT_SECRET, inject: [APP_ENV], useFactory: (env: AppEnv) => resolveJwtSecret(env) },
    TokenService,
    PrincipalService,
    SessionPrincipalCache,
    ClientCredentialsService,
    SessionService,
    JwtStrategy,
    // Order matters: authenticate first, then evaluate the route's declared policy.
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useExisting: PolicyGuard },
  ],
  exports: [TokenService],
})
export class AuthModule {}
