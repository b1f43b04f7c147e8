import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Account } from './account.entity';
import { AccountsService } from './accounts.service';
import { AdminController } from './admin.controller';
import { ApiClient } from './api-client.entity';
import { BootstrapService } from './bootstrap.service';
import { ClientStatusCache } from './client-status.cache';

@Module({
  imports: [TypeOrmModule.forFeature([Account, ApiClient])],
  controllers: [AdminController],
  providers: [AccountsService, BootstrapService, ClientStatusCache],
  exports: [AccountsService, ClientStatusCache],
})
export class AccountsModule {}
