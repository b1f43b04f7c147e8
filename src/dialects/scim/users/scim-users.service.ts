import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { UsersService } from '../../../core/users/users.service';
import { parseFilter } from '../common/filter-parser';
import { ListQueryDto, ProjectionQueryDto } from '../common/list-query.dto';
import { readPatchBody } from '../common/patch-ops';
import { project } from '../common/projection';
import { scimNotFound } from '../common/scim-error';
import { listResponse, pageOf } from '../common/list-response';
import { applyUserPatch } from './user-patch';
import { readUser } from './user.input';
import { ScimUserInput, ScimUserRow, toScimUser } from './user.mapper';
import { scimUsersRepository } from './scim-users.repository';

type Json = Record<string, unknown>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * SCIM Users over the core user: every write goes through UsersService (username, email and password rules,
 * uniqueness, session revocation on deactivation), then the SCIM-only attributes into scim_user, in one transaction.
 */
@Injectable()
export class ScimUsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersService,
  ) {}

  async list(accountId: string, base: string, q: ListQueryDto): Promise<Json> {
    const filter = q.filter !== undefined && q.filter.trim() !== '' ? parseFilter(q.filter) : null;
    const { offset, limit, startIndex } = pageOf(q);
    const { total, rows } = await scimUsersRepository.page(this.db, accountId, filter, offset, limit);
    return listResponse(total, startIndex, rows.map((r) => project(toScimUser(r, base), q)));
  }

  async get(accountId: string, base: string, id: string, q: ProjectionQueryDto): Promise<Json> {
    return project(toScimUser(await this.row(this.db, accountId, id), base), q);
  }

  async create(accountId: string, base: string, body: unknown): Promise<Json> {
    const input = readUser(body);
    const id = await this.db.transaction(async (m) => {
      const user = await this.users.create(
        accountId,
        { username: input.username, email: input.email, firstName: input.firstName, lastName: input.lastName, fullName: input.fullName, isActive: input.isActive, password: input.password },
        m,
      );
      await scimUsersRepository.save(m, accountId, user.id, input);
      return user.id;
    });
    return toScimUser(await this.row(this.db, accountId, id), base);
  }

  /** PUT: the body replaces the resource; what it leaves out is cleared (the password stays unless sent). */
  async replace(accountId: string, base: string, id: string, body: unknown): Promise<Json> {
    const input = readUser(body);
    await this.write(accountId, id, input);
    return toScimUser(await this.row(this.db, accountId, id), base);
  }

  /** PATCH: the operations applied to the current resource, then written as a PUT of the result would be. */
  async patch(accountId: string, base: string, id: string, body: unknown): Promise<Json> {
    const operations = readPatchBody(body);
    const current = toScimUser(await this.row(this.db, accountId, id), base);
    await this.write(accountId, id, readUser(applyUserPatch(current, operations)));
    return toScimUser(await this.row(this.db, accountId, id), base);
  }

  async remove(accountId: string, id: string): Promise<void> {
    if (!UUID.test(id) || !(await this.users.delete(accountId, { id, superusers: false }))) throw scimNotFound('User', id);
  }

  private async write(accountId: string, id: string, input: ScimUserInput): Promise<void> {
    await this.db.transaction(async (m) => {
      await this.row(m, accountId, id);
      const user = await this.users.findById(accountId, id);
      if (!user) throw scimNotFound('User', id);
      await this.users.update(
        user,
        { username: input.username, email: input.email, firstName: input.firstName, lastName: input.lastName, fullName: input.fullName, isActive: input.isActive, ...(input.password ? { password: input.password } : {}) },
        m,
      );
      await scimUsersRepository.save(m, accountId, id, input);
    });
  }

  /** The user, or 404 for a missing id, another account's user or a platform superuser. */
  private async row(db: DataSource | EntityManager, accountId: string, id: string): Promise<ScimUserRow> {
    const found = UUID.test(id) ? await scimUsersRepository.findOne(db, accountId, id.toLowerCase()) : null;
    if (!found) throw scimNotFound('User', id);
    return found;
  }
}
