import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '../auth/principal';
import { rows } from '../database/sql';
import { ApiError } from '../http/api-error';
import { hashScimToken, newScimToken } from './scim-token-hash';
import { CreatedScimTokenDto, ScimTokenDto } from './scim-token.dto';

interface TokenRow {
  id: string;
  name: string;
  created_at: Date;
}

/** The most SCIM tokens one account may hold. */
export const MAX_SCIM_TOKENS = 100;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const dto = (r: TokenRow): ScimTokenDto => ({ id: r.id, name: r.name, created: r.created_at.toISOString() });

/** An account's SCIM bearer tokens: issued once, listed without secrets, revoked by deletion. */
@Injectable()
export class ScimTokensService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async create(accountId: string, name: string): Promise<CreatedScimTokenDto> {
    const token = newScimToken();
    // A handful of identity providers per account; the cap keeps the list one bounded answer.
    const [row] = await rows<TokenRow>(
      this.db,
      `INSERT INTO scim_token (account_id, name, token_hash)
       SELECT $1, $2, $3 WHERE (SELECT count(*) FROM scim_token WHERE account_id = $1) < ${MAX_SCIM_TOKENS}
       RETURNING id, name, created_at`,
      [accountId, name, hashScimToken(token)],
    );
    if (!row) throw ApiError.badRequest(`An account holds at most ${MAX_SCIM_TOKENS} SCIM tokens: revoke one first.`);
    return { ...dto(row), token };
  }

  async list(accountId: string): Promise<ScimTokenDto[]> {
    const found = await rows<TokenRow>(this.db, 'SELECT id, name, created_at FROM scim_token WHERE account_id = $1 ORDER BY created_at, id', [accountId]);
    return found.map(dto);
  }

  /** Another account's token is missing, like an unknown one. */
  async revoke(accountId: string, id: string): Promise<void> {
    if (!UUID.test(id)) throw ApiError.notFound('No such SCIM token.');
    const deleted = await rows(this.db, 'DELETE FROM scim_token WHERE account_id = $1 AND id = $2 RETURNING id', [accountId, id]);
    if (!deleted.length) throw ApiError.notFound('No such SCIM token.');
  }

  /**
   * The principal of a SCIM token: its account's administrator on the SCIM routes only (scimTokenOf reads a
   * token on /scim/v2 paths only). Looked up by hash on every request, so a revocation is seen at once by
   * every process; the hash is compared by the index, so nothing leaks a matching prefix.
   */
  async resolve(token: string): Promise<Principal | null> {
    const found = await rows<{ id: string; account_id: string }>(
      this.db,
      'SELECT id, account_id FROM scim_token WHERE token_hash = $1',
      [hashScimToken(token)],
      { name: 'principal_scim_token' },
    );
    if (!found.length) return null;
    return { kind: 'client', accountId: found[0].account_id, isSuperuser: false, scimTokenId: found[0].id };
  }
}
