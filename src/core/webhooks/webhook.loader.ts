import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '../auth/principal';
import { rows } from '../database/sql';
import { PolicySubjectLoader, SubjectLoader } from '../policy/policy-extensions';

export const WEBHOOK_SUBJECTS = ['Webhook', 'Webhooks'] as const;
export type WebhookSubject = (typeof WEBHOOK_SUBJECTS)[number];

declare module '../policy/app-ability' {
  interface PolicySubjects extends Record<WebhookSubject, true> {}
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Finds a webhook in the caller's account only: another account's (or a malformed id) is a 404 to the guard. */
@Injectable()
@SubjectLoader('Webhook')
export class WebhookLoader implements PolicySubjectLoader {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async load(id: string, principal: Principal): Promise<{ accountId: string; id: string } | null> {
    if (!UUID.test(id)) return null;
    const [found] = await rows<{ id: string }>(this.db, `SELECT id FROM webhook WHERE id = $1 AND account_id = $2`, [id, principal.accountId]);
    return found ? { accountId: principal.accountId, id: found.id } : null;
  }
}
