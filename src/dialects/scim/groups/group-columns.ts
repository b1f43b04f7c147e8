import { AttrPath } from '../common/filter-parser';
import { Column } from '../common/filter-sql';
import { GROUP_URN } from '../common/urns';

/** A member's value (the user id) is read in the membership table, one EXISTS per comparison over its primary key (group_id, user_id). */
const member = (condition: string) => `EXISTS (SELECT 1 FROM enabley_group_member gm WHERE gm.group_id = g.id AND ${condition})`;

/** Filterable Group attributes (lower-cased `name` or `name.sub`) and their SQL over the `g` alias of enabley_group. */
const COLUMNS: Record<string, Column> = {
  id: { sql: 'g.id', kind: 'uuid' },
  displayname: { sql: 'g.name', kind: 'ci' },
  externalid: { sql: 'g.identifier', kind: 'exact' },
  members: { sql: 'gm.user_id', kind: 'uuid', exists: member },
  'members.value': { sql: 'gm.user_id', kind: 'uuid', exists: member },
  'meta.created': { sql: 'g.created_at', kind: 'dateTime' },
  'meta.lastmodified': { sql: 'g.updated_at', kind: 'dateTime' },
};

export function groupColumn(attr: AttrPath): Column | null {
  const uri = attr.uri?.toLowerCase();
  if (uri && uri !== GROUP_URN.toLowerCase()) return null;
  return COLUMNS[attr.sub ? `${attr.name}.${attr.sub}`.toLowerCase() : attr.name.toLowerCase()] ?? null;
}
