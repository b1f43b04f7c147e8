import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Principal } from '../../../core/auth/principal';
import { ApiError } from '../../../core/http/api-error';
import { EnrollmentsService } from '../../../core/learning/enrollments.service';
import { NewNotification, NotificationsService } from '../../../core/notifications/notifications.service';
import { BulkEnrollCourseDto, BulkEnrollRequestDto, BulkEnrollResponseDto, BulkEnrollResultDto } from './bulk-enroll.dto';
import { COURSE_KEY, EnrollmentState, Target, afterState, changed, isEmail, splitIdentifiers, transition } from './bulk-enroll.states';

export const MAX_IDENTIFIERS = 100_000;

interface Course {
  id: string;
  identifier: string;
  name: string;
}

/** One distinct identifier: what it resolved to and its per-course results. */
interface Resolved extends Target {
  key: string;
  identifier: string;
  userNumber: number | null;
  username: string | null;
}

/**
 * BULK ENROLL, set-based: whatever the number of identifiers and courses, one call runs a fixed
 * set of statements in one transaction (lock courses, resolve identifiers, read enrollments, read
 * pre-enrollments, write enrollments, write pre-enrollments, write one audit row per course, queue emails). An
 * unknown or malformed course fails the whole call before anything is written.
 */
@Injectable()
export class BulkEnrollService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly enrollments: EnrollmentsService,
    private readonly notifications: NotificationsService,
  ) {}

  async run(principal: Principal, dto: BulkEnrollRequestDto): Promise<BulkEnrollResponseDto> {
    const accountId = principal.accountId;
    const action = dto.action;
    const autoEnroll = dto.auto_enroll ?? false;
    const emailStudents = dto.email_students ?? false;
    const courseKeys = [...new Set(dto.courses.split(',').map((c) => c.trim()).filter(Boolean))];
    if (!courseKeys.length) throw ApiError.required('courses', 'courses must name at least one course.');
    const identifiers = splitIdentifiers(dto.identifiers);
    if (!identifiers.length) throw ApiError.required('identifiers', 'identifiers must name at least one email or username.');
    if (identifiers.length > MAX_IDENTIFIERS) throw ApiError.badRequest(`At most ${MAX_IDENTIFIERS} identifiers per call.`, 'identifiers');

    return this.db.transaction(async (m) => {
      const courses = await this.lockCourses(m, accountId, courseKeys);
      const targets = await this.resolve(m, accountId, identifiers);
      const valid = [...targets.values()].filter((t): t is Resolved => t !== null);
      const userIds = [...new Set(valid.filter((t) => t.userId).map((t) => t.userId!))];
      const emails = [...new Set(valid.filter((t) => t.email).map((t) => t.email!))];
      const channelIds = courses.map((c) => c.id);

      const [enrolled, pending] = await Promise.all([
        m.query(`SELECT user_id, channel_id FROM enrollment WHERE user_id = ANY($1::uuid[]) AND channel_id = ANY($2::uuid[]) AND is_active`, [userIds, channelIds]) as Promise<
          { user_id: string; channel_id: string }[]
        >,
        m.query(`SELECT email, channel_id, auto_enroll FROM pending_enrollment WHERE account_id = $1 AND channel_id = ANY($2::uuid[]) AND email = ANY($3::text[])`, [
          accountId,
          channelIds,
          emails,
        ]) as Promise<{ email: string; channel_id: string; auto_enroll: boolean }[]>,
      ]);
      const active = new Set(enrolled.map((r) => `${r.user_id}/${r.channel_id}`));
      const allowed = new Map(pending.map((r) => [`${r.email}/${r.channel_id}`, r.auto_enroll]));
      const before = (t: Resolved, c: Course): EnrollmentState => {
        const a = t.email ? allowed.get(`${t.email}/${c.id}`) : undefined;
        return { user: t.userId !== null, enrollment: t.userId !== null && active.has(`${t.userId}/${c.id}`), allowed: a !== undefined, auto_enroll: a ?? false };
      };

      if (action === 'enroll') {
        const enrollIds = [...new Set(valid.filter((t) => t.userId && t.userActive).map((t) => t.userId!))];
        const preEmails = [...new Set(valid.filter((t) => !(t.userId && t.userActive) && t.email).map((t) => t.email!))];
        await this.enrollments.enroll(m, accountId, enrollIds, channelIds, { mode: 'honor' });
        await this.enrollments.preEnroll(m, accountId, preEmails, channelIds, autoEnroll);
      } else {
        await this.enrollments.unenroll(m, userIds, channelIds);
        await this.enrollments.removePending(m, accountId, emails, channelIds);
      }

      // States, and one audit row per course holding every identifier's transition.
      const transitions: string[][] = courses.map(() => []);
      const outcome = new Map<string, { before: EnrollmentState; after: EnrollmentState }>();
      const affected = new Map<string, { target: Resolved; courses: Course[] }>();
      courses.forEach((c, ci) => {
        for (const t of valid) {
          const b = before(t, c);
          const a = afterState(action, t, b, autoEnroll);
          outcome.set(`${t.key}/${c.id}`, { before: b, after: a });
          transitions[ci].push(transition(action, b, a));
          if (changed(b, a)) {
            const entry = affected.get(t.key) ?? { target: t, courses: [] };
            entry.courses.push(c);
            affected.set(t.key, entry);
          }
        }
      });
      if (valid.length) {
        await m.query(
          `INSERT INTO triboo_enrollment_audit (account_id, channel_id, action, enrolled_by, entries, identifiers, emails, user_ids, usernames, state_transitions)
           SELECT $1, c.channel_id, $3, $4, $5, $6::text[], $7::text[], $8::int[], $9::text[], string_to_array(c.transitions, E'\\n')
             FROM unnest($2::uuid[], $10::text[]) AS c(channel_id, transitions)`,
          [
            accountId,
            channelIds,
            action,
            principal.kind === 'client' ? `client:${principal.clientId}` : `user:${principal.userId}`,
            valid.length,
            valid.map((t) => t.identifier),
            valid.map((t) => t.email),
            valid.map((t) => t.userNumber),
            valid.map((t) => t.username),
            transitions.map((list) => list.join('\n')),
          ],
        );
      }
      if (emailStudents && affected.size) await this.notify(m, accountId, action, autoEnroll, [...affected.values()]);

      const response: Record<string, BulkEnrollCourseDto> = {};
      for (const c of courses) {
        const seen = new Set<string>();
        const results: BulkEnrollResultDto[] = identifiers.map((identifier) => {
          const t = targets.get(keyOf(identifier));
          if (!t) return { identifier, invalidIdentifier: true };
          const o = outcome.get(`${t.key}/${c.id}`)!;
          // Named again in the same call: the first occurrence already left it in its final state.
          const repeat = seen.has(t.key);
          seen.add(t.key);
          return { identifier, before: repeat ? { ...o.after } : o.before, after: o.after };
        });
        response[c.identifier] = { action, results, auto_enroll: autoEnroll };
      }
      return { action, courses: response, email_students: emailStudents, auto_enroll: autoEnroll };
    });
  }

  /** Every course must exist in the account; locks them so concurrent calls on a course serialize. */
  private async lockCourses(m: EntityManager, accountId: string, keys: string[]): Promise<Course[]> {
    // A form body sent without percent-encoding turns the `+` of `course-v1:org+course+run` into a space:
    // a key that is not found as sent is looked up with its spaces read back as `+`.
    const plus = (k: string) => k.replace(/ /g, '+');
    const rows: Course[] = await m.query(
      `SELECT id, identifier, name FROM channel WHERE account_id = $1 AND type = 'COURSE' AND identifier = ANY($2::text[]) ORDER BY id FOR NO KEY UPDATE`,
      [accountId, [...new Set([...keys, ...keys.map(plus)])]],
    );
    const found = new Map(rows.map((r) => [r.identifier, r]));
    const pick = (k: string) => found.get(k) ?? found.get(plus(k));
    const missing = keys.filter((k) => !pick(k));
    const malformed = missing.filter((k) => !COURSE_KEY.test(plus(k)));
    if (malformed.length) throw ApiError.badRequest(`Invalid course key: ${malformed.join(', ')}. Nothing was changed.`, 'courses');
    if (missing.length) throw ApiError.notFound(`Unknown course: ${missing.join(', ')}. Nothing was changed.`);
    return [...new Map(keys.map((k) => [pick(k)!.id, pick(k)!])).values()];
  }

  /** Emails by lower(email), other identifiers by username (Open edX get_student_from_identifier); one statement. */
  private async resolve(m: EntityManager, accountId: string, identifiers: string[]): Promise<Map<string, Resolved | null>> {
    const keys = [...new Set(identifiers.map(keyOf))];
    const emailKeys = keys.filter((k) => k.includes('@'));
    const nameKeys = keys.filter((k) => !k.includes('@'));
    const rows: { k: string; id: string; user_id: number; username: string; email: string | null; is_active: boolean }[] = await m.query(
      `SELECT i.k, u.id, u.user_id, u.username, u.email, u.is_active FROM unnest($2::text[]) AS i(k) JOIN "user" u ON u.account_id = $1 AND lower(u.email) = i.k
       UNION ALL
       SELECT i.k, u.id, u.user_id, u.username, u.email, u.is_active FROM unnest($3::text[]) AS i(k) JOIN "user" u ON u.account_id = $1 AND u.username = i.k`,
      [accountId, emailKeys, nameKeys],
    );
    const users = new Map(rows.map((r) => [r.k, r]));
    const out = new Map<string, Resolved | null>();
    const firstSpelling = new Map<string, string>();
    for (const ident of identifiers) if (!firstSpelling.has(keyOf(ident))) firstSpelling.set(keyOf(ident), ident);
    for (const k of keys) {
      const u = users.get(k);
      const identifier = firstSpelling.get(k)!;
      if (u) out.set(k, { key: k, identifier, userId: u.id, userNumber: u.user_id, username: u.username, userActive: u.is_active, email: u.email ? u.email.toLowerCase() : null });
      else if (isEmail(k)) out.set(k, { key: k, identifier, userId: null, userNumber: null, username: null, userActive: false, email: k });
      else out.set(k, null);
    }
    return out;
  }

  private async notify(m: EntityManager, accountId: string, action: 'enroll' | 'unenroll', autoEnroll: boolean, affected: { target: Resolved; courses: Course[] }[]): Promise<void> {
    const call = randomUUID();
    const messages: NewNotification[] = affected.map(({ target, courses }) => {
      const titles = courses.map((c) => `${c.name} (${c.identifier})`).join(', ');
      const registered = target.userId !== null && target.userActive;
      const subject = action === 'unenroll' ? 'You have been unenrolled' : registered ? 'You have been enrolled' : 'You have been invited to register';
      const body =
        action === 'unenroll'
          ? `You have been unenrolled from: ${titles}.`
          : registered
            ? `You have been enrolled in: ${titles}.`
            : `You have been invited to: ${titles}. ${autoEnroll ? 'Register with this email address and you will be enrolled automatically.' : 'Register with this email address, then enroll.'}`;
      return { key: `triboo-bulk-enroll:${call}:${target.key}`, accountId, userId: target.userId, to: target.email, subject, body };
    });
    await this.notifications.enqueue(m, messages);
  }
}

/** Emails compare case-insensitively, usernames exactly. */
function keyOf(identifier: string): string {
  return identifier.includes('@') ? identifier.toLowerCase() : identifier;
}
