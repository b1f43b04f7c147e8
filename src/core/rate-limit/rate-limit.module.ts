import { Module } from '@nestjs/common';
import { LoginFailureLimit } from './login-failure-limit.service';

/** Limits shared through PostgreSQL (address buckets: address-throttler.options.ts; failed logins: LoginFailureLimit). */
@Module({
  providers: [LoginFailureLimit],
  exports: [LoginFailureLimit],
})
export class RateLimitModule {}
