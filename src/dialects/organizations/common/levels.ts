import { ApiProperty } from '@nestjs/swagger';

/** Ordered lowest first: a level implies every level before it. */
export const ORGANIZATION_LEVELS = ['member', 'teacher', 'supervisor', 'admin'] as const;
export const CONTENT_LEVELS = ['none', 'view', 'control', 'modify', 'grant', 'admin'] as const;
export type OrganizationLevel = (typeof ORGANIZATION_LEVELS)[number];
export type ContentLevel = (typeof CONTENT_LEVELS)[number];

export const DEFAULT_ORGANIZATION_LEVEL: OrganizationLevel = 'member';
export const DEFAULT_CONTENT_LEVEL: ContentLevel = 'none';

/** Levels that manage an organization's members. */
export const MANAGER_LEVELS: readonly OrganizationLevel[] = ['supervisor', 'admin'];

export class PermissionDto {
  @ApiProperty({
    enum: ORGANIZATION_LEVELS,
    isArray: true,
    maxItems: ORGANIZATION_LEVELS.length,
    example: ['member', 'teacher'],
    description: 'The granted organization level and every lower level it implies, lowest first.',
  })
  organization: OrganizationLevel[];

  @ApiProperty({
    enum: CONTENT_LEVELS,
    isArray: true,
    maxItems: CONTENT_LEVELS.length,
    example: ['view', 'control'],
    description: 'The granted content level and every lower level it implies, lowest first; "none" grants nothing, so it appears only alone (["none"] for none).',
  })
  content: ContentLevel[];
}

/** {"organization": [...], "content": [...]}: each list up to and including the granted level. */
export function permissionOf(organization: OrganizationLevel, content: ContentLevel): PermissionDto {
  return {
    organization: ORGANIZATION_LEVELS.slice(0, ORGANIZATION_LEVELS.indexOf(organization) + 1),
    // "none" is the absence of a content permission: listed only when it is the level itself.
    content: content === 'none' ? ['none'] : CONTENT_LEVELS.slice(1, CONTENT_LEVELS.indexOf(content) + 1),
  };
}

export const levelMessage = (field: string, allowed: readonly string[]) => `${field} must be one of: ${allowed.join(', ')}.`;
