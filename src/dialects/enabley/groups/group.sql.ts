import { isoDate } from '../../../core/http/ids';
import { GroupInfoDto } from './group.dto';

export interface GroupRow {
  id: string;
  identifier: string;
  name: string;
  type: string | null;
  parent_identifier: string | null;
  sub_account_name: string | null;
  created_at: Date;
  updated_at: Date;
}

/** GroupInfo columns: the group, its parent's identifier and its sub-account's name, in one query. */
export const GROUP_SELECT = `
SELECT g.id, g.identifier, g.name, g.type, p.identifier AS parent_identifier, s.name AS sub_account_name, g.created_at, g.updated_at
  FROM enabley_group g
  LEFT JOIN enabley_group p ON p.id = g.parent_id
  LEFT JOIN enabley_sub_account s ON s.id = g.sub_account_id`;

export function toGroupInfo(r: GroupRow): GroupInfoDto {
  return {
    identifier: r.identifier,
    name: r.name,
    parentIdentifier: r.parent_identifier,
    subAccountName: r.sub_account_name,
    type: r.type,
    created: isoDate(r.created_at)!,
    modified: isoDate(r.updated_at)!,
  };
}
