import { createPartnerClient, fetchToken, type PartnerClientOptions } from '../src';

/** The answer of one call, or an error naming the step, the status and the error body the server sent. */
function ok<T>(step: string, r: { data?: T; error?: unknown; response: Response }): T {
  if (r.data === undefined) throw new Error(`${step}: HTTP ${r.response.status} ${JSON.stringify(r.error)}`);
  return r.data;
}

/**
 * What a partner integration does on its first day, through the typed client only: a token, a Triboo user, an
 * Enabley course channel, a bulk enrollment, the Triboo progress report, a Kolibri classroom and an organization
 * for the user, the Enabley performance. `suffix` keeps the names of one run apart from another's.
 */
export async function partnerFlow(options: PartnerClientOptions, suffix: string) {
  const token = await fetchToken(options);
  const api = createPartnerClient(options);
  const username = `partner-${suffix}`;
  const course = `course-v1:partner+SDK${suffix}+2026`;

  const user = ok(
    'create Triboo user',
    await api.POST('/api/extended/v1/users/', {
      body: { username, email: `${username}@example.com`, first_name: 'Pat', last_name: 'Partner', country: 'FR', gender: 'o' },
    }),
  );
  const channel = ok('create Enabley COURSE channel', await api.PUT('/api/v1/channels', { body: { identifier: course, name: 'Partner SDK course', type: 'COURSE' } }));
  const enrollment = ok('bulk-enroll', await api.POST('/api/bulk_enroll/v1/bulk_enroll', { body: { action: 'enroll', courses: course, identifiers: username } }));
  const progress = ok(
    'Triboo progress report',
    await api.GET('/api/extended/v1/user_progress_report/{user_id}/', { params: { path: { user_id: user.user_id } } }),
  );

  // Kolibri ids are not Triboo's: the integrator learns the user's id by searching facility users.
  const found = ok('find the user in Kolibri', await api.GET('/api/auth/facilityuser', { params: { query: { search: username } } }));
  const kolibriUser = (Array.isArray(found) ? found : found.results).find((u) => u.username === username);
  if (!kolibriUser) throw new Error(`find the user in Kolibri: ${username} is not in ${JSON.stringify(found)}`);
  const facility = ok('create facility', await api.POST('/api/auth/facility', { body: { name: `Partner school ${suffix}` } }));
  const classroom = ok('create classroom', await api.POST('/api/auth/classroom', { body: { name: 'Partner class', parent: facility.id } }));
  const membership = ok('classroom membership', await api.POST('/api/auth/membership', { body: { user: kolibriUser.id, collection: classroom.id } }));
  const classroomMembership = Array.isArray(membership) ? membership[0] : membership;

  const organization = ok('create organization', await api.POST('/organizations', { body: { code: `partner-${suffix}`, name: 'Partner org' } }));
  const members = ok('organization membership', await api.POST('/organization:members', { body: { organization: organization.organization, users: username } }));

  const performance = ok('Enabley performance', await api.GET('/api/v1/performance', { params: { query: { externalUserId: username, externalChannelId: course } } }));
  return {
    token: { token_type: token.token_type, expires_in: token.expires_in },
    tribooUser: { user_id: user.user_id, username: user.username },
    kolibriUserId: kolibriUser.id,
    channel,
    enrollment,
    progress,
    classroomMembership,
    organizationMembers: members.members,
    performance,
  };
}

export type PartnerFlowResult = Awaited<ReturnType<typeof partnerFlow>>;
