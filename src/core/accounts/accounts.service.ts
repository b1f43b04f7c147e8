import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { hashSecret, verifyAgainstDummy, verifySecret } from '../auth/password-hasher';
import { isUniqueViolation } from '../database/pg-error';
import { ApiError } from '../http/api-error';
import { Account } from './account.entity';
import { ApiClient } from './api-client.entity';
import { ClientStatusCache } from './client-status.cache';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class AccountsService {
  constructor(
    @InjectRepository(Account) private readonly accounts: Repository<Account>,
    @InjectRepository(ApiClient) private readonly clients: Repository<ApiClient>,
    private readonly clientStatus: ClientStatusCache,
  ) {}

  async create(name: string): Promise<Account> {
    try {
      return await this.accounts.save(this.accounts.create({ name }));
    } catch (e) {
      if (isUniqueViolation(e)) throw ApiError.conflict(`An account named "${name}" already exists.`, 'name');
      throw e;
    }
  }

  /** The account of that name, created if missing (safe when two servers start at once). */
  async ensure(name: string): Promise<Account> {
    await this.accounts.createQueryBuilder().insert().values({ name }).orIgnore().execute();
    return this.accounts.findOneByOrFail({ name });
  }

  async get(id: string): Promise<Account> {
    const account = UUID.test(id) ? await this.accounts.findOneBy({ id }) : null;
    if (!account) throw ApiError.notFound('No such account.');
    return account;
  }

  async createClient(accountId: string, name: string, clientId?: string, secret?: string): Promise<{ client: ApiClient; secret: string }> {
    const account = await this.get(accountId);
    const plain = secret ?? randomBytes(32).toString('base64url');
    const client = this.clients.create({
      clientId: clientId ?? `cl_${randomBytes(12).toString('hex')}`,
      name,
      accountId: account.id,
      secretHash: await hashSecret(plain),
      revokedAt: null,
    });
    try {
      return { client: await this.clients.save(client), secret: plain };
    } catch (e) {
      if (isUniqueViolation(e)) throw ApiError.conflict('That client_id is taken.', 'client_id');
      throw e;
    }
  }

  /** Keeps the bootstrap client in step with its configured secret. */
  async ensureClient(accountId: string, clientId: string, secret: string): Promise<void> {
    const existing = await this.clients.findOneBy({ clientId });
    if (!existing) {
      try {
        await this.createClient(accountId, 'bootstrap', clientId, secret);
      } catch (e) {
        if (!(e instanceof ApiError && e.status === 409)) throw e;
      }
      return;
    }
    if (!(await verifySecret(existing.secretHash, secret))) {
      await this.clients.update({ id: existing.id }, { secretHash: await hashSecret(secret) });
    }
  }

  async revokeClient(clientId: string): Promise<void> {
    this.clientStatus.evict(clientId);
    const result = await this.clients.update({ clientId, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
    if (!result.affected) {
      const exists = await this.clients.existsBy({ clientId });
      if (!exists) throw ApiError.notFound('No such client.');
    }
  }

  /** The active client whose secret matches, or null; an unknown or revoked id costs a verification too (no timing oracle). */
  async authenticateClient(clientId: string, secret: string): Promise<ApiClient | null> {
    const client = await this.clients.findOneBy({ clientId, revokedAt: IsNull() });
    if (!client) {
      await verifyAgainstDummy(secret);
      return null;
    }
    return (await verifySecret(client.secretHash, secret)) ? client : null;
  }
}
