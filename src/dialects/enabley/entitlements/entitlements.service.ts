import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ApiError } from '../../../core/http/api-error';
import { EntitlementEntityType } from '../policy/enabley-subjects';
import { rows } from '../../../core/database/sql';
import { ENTITLEMENT_TARGET_KEY, EntitlementTargetResolver } from './entitlement-target';
import { ExternalEntitlementDto } from './entitlement.dto';

/** Entitlements (MANAGER/EDITOR/INSTRUCTOR on COURSE/GROUP/WORKSPACE), stored by entity type + identifier. */
@Injectable()
export class EntitlementsService implements OnModuleInit {
  private readonly resolvers = new Map<string, EntitlementTargetResolver>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    for (const { instance, metatype } of this.discovery.getProviders()) {
      if (!instance || !metatype) continue;
      const type = this.reflector.get<string | undefined>(ENTITLEMENT_TARGET_KEY, metatype);
      if (!type) continue;
      if (this.resolvers.has(type)) throw new Error(`two entitlement target resolvers for ${type}`);
      this.resolvers.set(type, instance as EntitlementTargetResolver);
    }
  }

  /** POST /api/v2/users/entitlements: idempotent; the entity must exist (404 not_found otherwise). */
  async add(accountId: string, userId: string, e: ExternalEntitlementDto): Promise<void> {
    await this.db.transaction(async (m) => {
      const resolver = this.resolvers.get(e.entityType);
      if (resolver && !(await resolver.exists(accountId, e.entityIdentifier, m))) throw ApiError.notFound(`No ${e.entityType} with identifier "${e.entityIdentifier}".`);
      await rows(
        m,
        `INSERT INTO enabley_entitlement (account_id, user_id, entity_type, entity_identifier, user_role) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (user_id, entity_type, entity_identifier, user_role) DO NOTHING`,
        [accountId, userId, e.entityType, e.entityIdentifier, e.userRole],
      );
    });
  }

  /** DELETE /api/v2/users/entitlements: 404 not_found when the user has no such entitlement. */
  async remove(accountId: string, userId: string, e: ExternalEntitlementDto): Promise<void> {
    const deleted = await rows(
      this.db,
      `DELETE FROM enabley_entitlement WHERE account_id = $1 AND user_id = $2 AND entity_type = $3 AND entity_identifier = $4 AND user_role = $5 RETURNING id`,
      [accountId, userId, e.entityType, e.entityIdentifier, e.userRole],
    );
    if (!deleted.length) throw ApiError.notFound('The user has no such entitlement.');
  }

  /** Called by an entity's owner when it deletes the entity, in its transaction. */
  async removeForEntity(accountId: string, type: EntitlementEntityType, identifier: string, manager: EntityManager): Promise<void> {
    await rows(manager, 'DELETE FROM enabley_entitlement WHERE account_id = $1 AND entity_type = $2 AND entity_identifier = $3', [accountId, type, identifier]);
  }
}
