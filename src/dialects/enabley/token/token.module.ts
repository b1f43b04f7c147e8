import { Module } from '@nestjs/common';
import { AuthModule } from '../../../core/auth/auth.module';
import { EnableyTokenController } from './enabley-token.controller';

/** POST /api/v1/token: Enabley's wire form of the core's client-credentials exchange. */
@Module({ imports: [AuthModule], controllers: [EnableyTokenController] })
export class EnableyTokenModule {}
