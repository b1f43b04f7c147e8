import { GROUP_URN } from '../common/urns';
import { userLocation } from '../users/user.mapper';

export interface ScimGroupRow {
  id: string;
  identifier: string;
  name: string;
  created_at: Date;
  updated_at: Date;
}

export interface ScimMemberRow {
  group_id: string;
  user_id: string;
  display: string;
}

export const GROUP_SELECT = 'SELECT g.id, g.identifier, g.name, g.created_at, g.updated_at FROM enabley_group g';

export const groupLocation = (base: string, id: string) => `${base}/scim/v2/Groups/${id}`;

/**
 * enabley_group -> urn:...:core:2.0:Group. externalId is the group's identifier (Enabley's key); a group SCIM made
 * without one has its own id as identifier, which is not an external id, so it is left out. `members` is absent
 * when the caller excluded it (the repository did not read it).
 */
export function toScimGroup(r: ScimGroupRow, base: string, members: ScimMemberRow[] | null): Record<string, unknown> {
  return {
    schemas: [GROUP_URN],
    id: r.id,
    ...(r.identifier !== r.id ? { externalId: r.identifier } : {}),
    displayName: r.name,
    ...(members ? { members: members.map((m) => ({ value: m.user_id, display: m.display, type: 'User', $ref: userLocation(base, m.user_id) })) } : {}),
    meta: { resourceType: 'Group', created: r.created_at.toISOString(), lastModified: r.updated_at.toISOString(), location: groupLocation(base, r.id) },
  };
}
