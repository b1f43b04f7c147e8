import { ContentLevel, OrganizationLevel } from '../common/levels';

interface PlannedMembership {
  org: { code: string; name: string };
  department: string | null;
  organizationLevel: OrganizationLevel;
  contentLevel: ContentLevel;
}

export interface MembershipMessage {
  subject: string;
  /** The body is greeting + the user's name + rest: every user of one request gets the same memberships. */
  greeting: string;
  rest: string;
}

/** The notification a user gets when added to (or updated in) organizations: one message per user. */
export function membershipMessage(memberships: PlannedMembership[]): MembershipMessage {
  const lines = memberships.map(
    (p) => `- ${p.org.name} (${p.org.code}): ${p.organizationLevel}, content ${p.contentLevel}${p.department ? `, department ${p.department}` : ''}`,
  );
  const subject = memberships.length === 1 ? `Your membership in ${memberships[0].org.name}` : `Your membership in ${memberships.length} organizations`;
  return { subject, greeting: 'Hello ', rest: [',', '', 'Your organization membership was set as follows:', ...lines, ''].join('\n') };
}
