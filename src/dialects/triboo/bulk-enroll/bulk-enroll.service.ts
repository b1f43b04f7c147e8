import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Principal } from '../../../core/auth/principal';
import { ApiError } from '../../../core/http/api-error';
import { EnrollmentsService } from '../../../core/learning/enrollments.service';
import { NewNotification, NotificationsService } from '../../../core/notifications/notifications.service';
import { ALLOWED, AUTO, BulkAnswer, ENROLLED, USER, pack, unpack } from './bulk-enroll.answer';
import { BulkEnrollRequestDto } from './bulk-enroll.dto';
import { COURSE_KEY, afterState, changed, isEmail, splitIdentifiers, transition } from './bulk-enroll.states';
import { rows } from '../../../core/database/sql';

export const MAX_IDENTIFIERS = 100_000;

interface Course {
  id: string;
  identifier: string;
  name: string;
}

/**
 * The distinct identifiers (keys) of a call, column-wise: index k is the k-th distinct key in order of
 * first appearance. A key is valid when it names a user or is an email.
 */
interface Keys {
  count: number;
  key: string[];
  /** The identifier as first sent. */
  spelling: string[];
  valid: Uint8Array;
  userId: (string | null)[];
  userNumber: (number | null)[];
  username: (string | null)[];
  userActive: Uint8Array;
  /** Lower-case email for pre-enrollment, when there is one. */
  email: (string | null)[];
}

/** Per key: 0 an active user (enrolled), 1 an email without an active user (pre-enrolled), 2 neither. */
const kindOf = (keys: Keys, k: number): number => (keys.userId[k] && keys.userActive[k] ? 0 : keys.email[k] ? 1 : 2);

/**
 * BULK ENROLL, set-based: whatever the number of identifiers and courses, one call runs a fixed
 * set of statements in one transaction (lock courses, resolve identifiers, read the states before,
 * write enrollments, write pre-enrollments, write one audit row per course, queue emails). An
 * unknown or malformed course fails the whole call before anything is written. Identifiers are
 * keyed once; states travel as small integers (see bulk-enroll.answer.ts), and the answer is
 * written from them after the commit.
 */
@Injectable()
export class BulkEnrollService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly enrollments: EnrollmentsService,
    private readonly notifications: NotificationsService,
  ) {}

  async run(principal: Principal, dto: BulkEnrollRequestDto): Promise<BulkAnswer> {
    const accountId = principal.accountId;
    const action = dto.action;
    const autoEnroll = dto.auto_enroll ?? false;
    const emailStudents = dto.email_students ?? false;
    const courseKeys = [...new Set(dto.courses.split(',').map((c) => c.trim()).filter(Boolean))];
    if (!courseKeys.length) throw ApiError.required('courses', 'courses must name at least one course.');
    const identifiers = splitIdentifiers(dto.identifiers);
    if (!identifiers.length) throw ApiError.required('identifiers', 'identifiers must name at least one email or username.');
    if (identifiers.length > MAX_IDENTIFIERS) throw ApiError.badRequest(`At most ${MAX_IDENTIFIERS} identifiers per call.`, 'identifiers');

    const keyIndex = new Map<string, number>();
    const distinct: string[] = [];
    const spelling: string[] = [];
    const keyOfIdentifier = new Int32Array(identifiers.length);
    identifiers.forEach((identifier, i) => {
      const key = keyOf(identifier);
      let k = keyIndex.get(key);
      if (k === undefined) {
        k = distinct.length;
        keyIndex.set(key, k);
        distinct.push(key);
        spelling.push(identifier);
      }
      keyOfIdentifier[i] = k;
    });

    return this.db.transaction(async (m) => {
      const courses = await this.lockCourses(m, accountId, courseKeys);
      const keys = await this.resolve(m, accountId, distinct, spelling);
      identifiers.forEach((_, i) => {
        if (!keys.valid[keyOfIdentifier[i]]) keyOfIdentifier[i] = -1;
      });
      const channelIds = courses.map((c) => c.id);
      const before = await this.statesBefore(m, accountId, keys, channelIds);

      const validKeys: number[] = [];
      for (let k = 0; k < keys.count; k++) if (keys.valid[k]) validKeys.push(k);
      const distinctOf = (pick: (k: number) => string | null) => [...new Set(validKeys.map(pick).filter((v): v is string => v !== null))];
      if (action === 'enroll') {
        await this.enrollments.enrollAll(m, accountId, distinctOf((k) => (kindOf(keys, k) === 0 ? keys.userId[k] : null)), channelIds, { mode: 'honor' });
        await this.enrollments.preEnroll(m, accountId, distinctOf((k) => (kindOf(keys, k) === 1 ? keys.email[k] : null)), channelIds, autoEnroll);
      } else {
        await this.enrollments.unenroll(m, distinctOf((k) => keys.userId[k]), channelIds);
        await this.enrollments.removePending(m, accountId, distinctOf((k) => keys.email[k]), channelIds);
      }

      // States after, and one audit row per course holding every valid key's transition.
      const after = new Uint8Array(before.length);
      const transitions: string[] = [];
      const affected = new Map<number, Course[]>();
      const outcomes = new Map<number, { after: number; transition: string; changed: boolean }>();
      courses.forEach((c, ci) => {
        const list: string[] = [];
        for (const k of validKeys) {
          const at = ci * keys.count + k;
          const b = before[at];
          const kind = kindOf(keys, k);
          let o = outcomes.get(b * 4 + kind);
          if (!o) {
            // afterState reads only whether there is an active user, else an email.
            const target = { userId: kind === 0 ? 'user' : null, userActive: kind === 0, email: kind === 1 ? 'email' : null };
            const bs = unpack(b);
            const as = afterState(action, target, bs, autoEnroll);
            o = { after: pack(as), transition: transition(action, bs, as), changed: changed(bs, as) };
            outcomes.set(b * 4 + kind, o);
          }
          after[at] = o.after;
          list.push(o.transition);
          if (o.changed) {
            const list = affected.get(k);
            if (list) list.push(c);
            else affected.set(k, [c]);
          }
        }
        transitions.push(list.join('\n'));
      });
      if (validKeys.length) {
        await rows(
          m,
          `INSERT INTO triboo_enrollment_audit (account_id, channel_id, action, enrolled_by, entries, identifiers, emails, user_ids, usernames, state_transitions)
           SELECT $1, c.channel_id, $3, $4, $5, string_to_array($6, E'\\n'), $7::text[], $8::int[], $9::text[], string_to_array(c.transitions, E'\\n')
             FROM unnest($2::uuid[], $10::text[]) AS c(channel_id, transitions)`,
          [
            accountId,
            channelIds,
            action,
            principal.kind === 'client' ? `client:${principal.clientId}` : `user:${principal.userId}`,
            validKeys.length,
            // Identifiers were split on whitespace: none holds a newline.
            validKeys.map((k) => keys.spelling[k]).join('\n'),
            validKeys.map((k) => keys.email[k]),
            validKeys.map((k) => keys.userNumber[k]),
            validKeys.map((k) => keys.username[k]),
            transitions,
          ],
        );
      }
      if (emailStudents && affected.size) await this.notify(m, accountId, action, autoEnroll, keys, affected);

      return { action, autoEnroll, emailStudents, courseKeys: courses.map((c) => c.identifier), identifiers, keyOfIdentifier, keyCount: keys.count, before, after };
    });
  }

  /** Every course must exist in the account; locks them so concurrent calls on a course serialize. */
  private async lockCourses(m: EntityManager, accountId: string, keys: string[]): Promise<Course[]> {
    // A form body sent without percent-encoding turns the `+` of `course-v1:org+course+run` into a space:
    // a key that is not found as sent is looked up with its spaces read back as `+`.
    const plus = (k: string) => k.replace(/ /g, '+');
    const matched = await rows<Course>(
      m,
      `SELECT id, identifier, name FROM channel WHERE account_id = $1 AND type = 'COURSE' AND identifier = ANY($2::text[]) ORDER BY id FOR NO KEY UPDATE`,
      [accountId, [...new Set([...keys, ...keys.map(plus)])]],
    );
    const found = new Map(matched.map((r) => [r.identifier, r]));
    const pick = (k: string) => found.get(k) ?? found.get(plus(k));
    const missing = keys.filter((k) => !pick(k));
    const malformed = missing.filter((k) => !COURSE_KEY.test(plus(k)));
    if (malformed.length) throw ApiError.badRequest(`Invalid course key: ${malformed.join(', ')}. Nothing was changed.`, 'courses');
    if (missing.length) throw ApiError.notFound(`Unknown course: ${missing.join(', ')}. Nothing was changed.`);
    return [...new Map(keys.map((k) => [pick(k)!.id, pick(k)!])).values()];
  }

  /** Emails by lower(email), other identifiers by username (Open edX get_student_from_identifier); one statement. */
  private async resolve(m: EntityManager, accountId: string, key: string[], spelling: string[]): Promise<Keys> {
    const count = key.length;
    const keys: Keys = {
      count,
      key,
      spelling,
      valid: new Uint8Array(count),
      userId: new Array(count).fill(null),
      userNumber: new Array(count).fill(null),
      username: new Array(count).fill(null),
      userActive: new Uint8Array(count),
      email: new Array(count).fill(null),
    };
    // Two arrays, not one filtered twice: a branch with nothing to look up must cost nothing whatever
    // the planner believes about the account's size (stale statistics once made it a cross product).
    const emailKeys: number[] = [];
    const nameKeys: number[] = [];
    key.forEach((k, i) => (k.includes('@') ? emailKeys : nameKeys).push(i));
    const matched = await rows<{ k: number; id: string; user_id: number; username: string; email: string | null; is_active: boolean }>(
      m,
      `SELECT i.k, u.id, u.user_id, u.username, u.email, u.is_active
         FROM unnest($2::int[], $3::text[]) AS i(k, key) JOIN "user" u ON u.account_id = $1 AND lower(u.email) = i.key
       UNION ALL
       SELECT i.k, u.id, u.user_id, u.username, u.email, u.is_active
         FROM unnest($4::int[], $5::text[]) AS i(k, key) JOIN "user" u ON u.account_id = $1 AND u.username = i.key`,
      [accountId, emailKeys, emailKeys.map((i) => key[i]), nameKeys, nameKeys.map((i) => key[i])],
    );
    for (const r of matched) {
      keys.valid[r.k] = 1;
      keys.userId[r.k] = r.id;
      keys.userNumber[r.k] = r.user_id;
      keys.username[r.k] = r.username;
      keys.userActive[r.k] = r.is_active ? 1 : 0;
      keys.email[r.k] = r.email ? r.email.toLowerCase() : null;
    }
    for (let k = 0; k < count; k++) {
      if (keys.valid[k] || !isEmail(key[k])) continue;
      keys.valid[k] = 1;
      keys.email[k] = key[k];
    }
    return keys;
  }

  /** Per course and key, the packed state before the call (bulk-enroll.answer.ts); one statement. */
  private async statesBefore(m: EntityManager, accountId: string, keys: Keys, channelIds: string[]): Promise<Uint8Array> {
    const states = new Uint8Array(channelIds.length * keys.count);
    const userKeys: number[] = [];
    const emailKeys: number[] = [];
    for (let k = 0; k < keys.count; k++) {
      if (!keys.valid[k]) continue;
      if (keys.userId[k]) {
        userKeys.push(k);
        for (let c = 0; c < channelIds.length; c++) states[c * keys.count + k] = USER;
      }
      if (keys.email[k]) emailKeys.push(k);
    }
    const matched = await rows<{ k: number; c: number; s: number }>(
      m,
      `SELECT u.k, c.c::int - 1 AS c, ${ENROLLED} AS s
         FROM unnest($2::int[], $3::uuid[]) AS u(k, user_id)
         JOIN enrollment e ON e.user_id = u.user_id AND e.is_active
         JOIN unnest($1::uuid[]) WITH ORDINALITY AS c(channel_id, c) ON c.channel_id = e.channel_id
       UNION ALL
       SELECT p.k, c.c::int - 1, CASE WHEN pe.auto_enroll THEN ${ALLOWED | AUTO} ELSE ${ALLOWED} END
         FROM unnest($4::int[], $5::text[]) AS p(k, email)
         JOIN pending_enrollment pe ON pe.account_id = $6 AND pe.email = p.email
         JOIN unnest($1::uuid[]) WITH ORDINALITY AS c(channel_id, c) ON c.channel_id = pe.channel_id`,
      [channelIds, userKeys, userKeys.map((k) => keys.userId[k]), emailKeys, emailKeys.map((k) => keys.email[k]), accountId],
    );
    for (const r of matched) states[r.c * keys.count + r.k] |= r.s;
    return states;
  }

  private async notify(m: EntityManager, accountId: string, action: 'enroll' | 'unenroll', autoEnroll: boolean, keys: Keys, affected: Map<number, Course[]>): Promise<void> {
    const call = randomUUID();
    const messages: NewNotification[] = [...affected].map(([k, courses]) => {
      const titles = courses.map((c) => `${c.name} (${c.identifier})`).join(', ');
      const registered = kindOf(keys, k) === 0;
      const subject = action === 'unenroll' ? 'You have been unenrolled' : registered ? 'You have been enrolled' : 'You have been invited to register';
      const body =
        action === 'unenroll'
          ? `You have been unenrolled from: ${titles}.`
          : registered
            ? `You have been enrolled in: ${titles}.`
            : `You have been invited to: ${titles}. ${autoEnroll ? 'Register with this email address and you will be enrolled automatically.' : 'Register with this email address, then enroll.'}`;
      return { key: `triboo-bulk-enroll:${call}:${keys.key[k]}`, accountId, userId: keys.userId[k], to: keys.email[k], subject, body };
    });
    await this.notifications.enqueue(m, messages);
  }
}

/** Emails compare case-insensitively, usernames exactly. */
function keyOf(identifier: string): string {
  return identifier.includes('@') ? identifier.toLowerCase() : identifier;
}
