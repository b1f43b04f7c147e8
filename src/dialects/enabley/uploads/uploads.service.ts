import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ApiError } from '../../../core/http/api-error';
import { User } from '../../../core/users/user.entity';
import { UsersService } from '../../../core/users/users.service';
import { enableyUserId } from '../users/enabley-user-id';
import { GroupMembershipEvents } from '../../../core/groups/group-membership.events';
import { parseCsv } from './csv';
import { OrgBulkFileResultDto, OrgBulkRowResultDto, OrgBulkUploadRequestDto, OrgBulkUploadResponseDto } from './upload.dto';
import { rows } from '../../../core/database/sql';

export const UPLOAD_COLUMNS = ['identifier', 'username', 'email', 'firstName', 'lastName', 'groupPath'] as const;
type Column = (typeof UPLOAD_COLUMNS)[number];
export const UPLOAD_MAX_ROWS = 100000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

class RowError extends Error {}

/**
 * Organization bulk upload: CSV files of users and their group paths, applied in one transaction. Each
 * row runs under a savepoint, so a bad row is reported and rolled back alone while the others apply.
 */
@Injectable()
export class UploadsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersService,
    private readonly membership: GroupMembershipEvents,
  ) {}

  /** Parses every file first: a malformed file or header is a 400 for the whole request, before anything is written. */
  private parse(req: OrgBulkUploadRequestDto): { fileName: string; header: Column[]; records: string[][] }[] {
    let total = 0;
    return req.files.map((f, i) => {
      let records: string[][];
      try {
        records = parseCsv(f.content);
      } catch (e) {
        throw ApiError.badRequest(`${f.fileName}: ${(e as Error).message}.`, `files.${i}.content`);
      }
      const [head, ...body] = records;
      if (!head) throw ApiError.badRequest(`${f.fileName}: the file is empty; the first line must name the columns.`, `files.${i}.content`);
      const header = head.map((h) => h.trim());
      const unknown = header.filter((h) => !(UPLOAD_COLUMNS as readonly string[]).includes(h));
      if (unknown.length) throw ApiError.badRequest(`${f.fileName}: unknown column(s) ${unknown.join(', ')}; allowed: ${UPLOAD_COLUMNS.join(', ')}.`, `files.${i}.content`);
      if (!header.includes('identifier')) throw ApiError.badRequest(`${f.fileName}: the identifier column is required.`, `files.${i}.content`);
      if (new Set(header).size !== header.length) throw ApiError.badRequest(`${f.fileName}: a column appears twice.`, `files.${i}.content`);
      total += body.length;
      if (total > UPLOAD_MAX_ROWS) throw ApiError.badRequest(`At most ${UPLOAD_MAX_ROWS} rows per upload.`, 'files');
      return { fileName: f.fileName, header: header as Column[], records: body };
    });
  }

  async upload(accountId: string, req: OrgBulkUploadRequestDto): Promise<OrgBulkUploadResponseDto> {
    const files = this.parse(req);
    return this.db.transaction(async (m) => {
      await rows(m, `SELECT pg_advisory_xact_lock(hashtextextended('enabley_group_tree:' || $1, 0))`, [accountId]);
      const out: OrgBulkFileResultDto[] = [];
      for (const file of files) {
        const results: OrgBulkRowResultDto[] = [];
        for (const [i, record] of file.records.entries()) {
          const value = (c: Column) => {
            const at = file.header.indexOf(c);
            const v = at >= 0 ? (record[at] ?? '').trim() : '';
            return v === '' ? undefined : v;
          };
          const identifier = value('identifier') ?? null;
          await rows(m, 'SAVEPOINT upload_row');
          try {
            const status = await this.applyRow(m, accountId, value);
            await rows(m, 'RELEASE SAVEPOINT upload_row');
            results.push({ row: i + 2, identifier, status });
          } catch (e) {
            await rows(m, 'ROLLBACK TO SAVEPOINT upload_row');
            if (!(e instanceof RowError) && !(e instanceof ApiError)) throw e;
            results.push({ row: i + 2, identifier, status: 'failed', message: e.message });
          }
        }
        out.push({ fileName: file.fileName, rows: results });
      }
      const all = out.flatMap((f) => f.rows);
      const count = (s: string) => all.filter((r) => r.status === s).length;
      return { created: count('created'), updated: count('updated'), failed: count('failed'), files: out };
    });
  }

  private async applyRow(m: EntityManager, accountId: string, value: (c: Column) => string | undefined): Promise<'created' | 'updated'> {
    const identifier = value('identifier');
    if (!identifier) throw new RowError('identifier is required.');
    const email = value('email');
    if (email && !EMAIL.test(email)) throw new RowError(`"${email}" is not a valid email address.`);
    const changes = { username: value('username'), email, firstName: value('firstName'), lastName: value('lastName') };
    // In Enabley's scope, as every Enabley route: a platform superuser is no Enabley user, so its
    // identifier is taken (the create below answers the row with a conflict), never updated.
    const existingId = await enableyUserId(m, accountId, identifier);
    const existing = existingId ? await m.getRepository(User).findOneByOrFail({ id: existingId }) : null;
    let user: User;
    if (existing) {
      user = await this.users.update(existing, Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)), m);
    } else {
      user = await this.users.create(accountId, { ...changes, username: changes.username ?? identifier, identifier }, m);
    }
    const path = value('groupPath');
    if (path) await this.placeInGroup(m, accountId, user.id, path);
    return existing ? 'updated' : 'created';
  }

  /** Walks the path of group identifiers (each the parent of the next), creating missing groups, and maps the user to the last. */
  private async placeInGroup(m: EntityManager, accountId: string, userId: string, path: string): Promise<void> {
    const segments = path.split('/').map((s) => s.trim());
    if (segments.some((s) => s === '' || s.length > 200)) throw new RowError(`groupPath "${path}" has an empty or over-long segment.`);
    let parentId: string | null = null;
    for (const [i, seg] of segments.entries()) {
      const [g] = await rows<{ id: string; parent_id: string | null }>(m, `SELECT id, parent_id FROM enabley_group WHERE account_id = $1 AND identifier = $2`, [accountId, seg]);
      if (g) {
        if (i > 0 && g.parent_id !== parentId) throw new RowError(`Group "${seg}" exists but is not a child of "${segments[i - 1]}".`);
        parentId = g.id;
      } else {
        const created: { id: string }[] = await rows<{ id: string }>(m, `INSERT INTO enabley_group (account_id, identifier, name, parent_id) VALUES ($1, $2, $2, $3) RETURNING id`, [accountId, seg, parentId]);
        parentId = created[0].id;
      }
    }
    const added = await rows<unknown>(m, `INSERT INTO enabley_group_member (group_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING user_id`, [parentId, userId]);
    if (added.length) await this.membership.membersAdded(m, accountId, parentId!, [userId]);
  }
}
