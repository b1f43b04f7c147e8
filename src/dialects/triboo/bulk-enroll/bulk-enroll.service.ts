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
import { listParams, listSql } from '../../../core/learning/text-list';

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
  /** How many keys were resolved by username (0: no two keys share a user or an email). */
  byName: number;
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
      const { states: before, enrollmentRows, pendingRows } = await this.statesBefore(m, accountId, keys, channelIds);

      const validKeys: number[] = [];
      for (let k = 0; k < keys.count; k++) if (keys.valid[k]) validKeys.push(k);
      // Keys are distinct, and so are the user ids and emails they resolved to, unless a username matched: its user
      // or email may also be another key's. Only then is a list deduplicated (a Set of 100,000 emails costs).
      const distinctOf = (pick: (k: number) => string | null) => {
        const values = validKeys.map(pick).filter((v): v is string => v !== null);
        return keys.byName ? [...new Set(values)] : values;
      };
      if (action === 'enroll') {
        // Read above in this transaction: when no row exists yet (a first bulk enroll in these courses), the inserts
        // skip ON CONFLICT's extra index probe per row.
        await this.enrollments.enrollAll(m, accountId, distinctOf((k) => (kindOf(keys, k) === 0 ? keys.userId[k] : null)), channelIds, { mode: 'honor', noneExist: !enrollmentRows });
        await this.enrollments.preEnroll(m, accountId, distinctOf((k) => (kindOf(keys, k) === 1 ? keys.email[k] : null)), channelIds, autoEnroll, { noneExist: !pendingRows });
      } else {
        await this.enrollments.unenroll(m, distinctOf((k) => keys.userId[k]), channelIds);
        await this.enrollments.removePending(m, accountId, distinctOf((k) => keys.email[k]), channelIds);
      }

      // States after, and one audit row per course holding every valid key's transition. The
      // outcome depends only on (state before, kind): 64 combinations, computed once each.
      const after = new Uint8Array(before.length);
      const transitions: string[] = [];
      const affected = new Map<number, Course[]>();
      const outcomes: ({ after: number; transition: string; changed: boolean } | undefined)[] = new Array(64);
      const kinds = new Uint8Array(keys.count);
      for (const k of validKeys) kinds[k] = kindOf(keys, k);
      courses.forEach((c, ci) => {
        const list: string[] = new Array(validKeys.length);
        const base = ci * keys.count;
        for (let v = 0; v < validKeys.length; v++) {
          const k = validKeys[v];
          const b = before[base + k];
          const kind = kinds[k];
          let o = outcomes[b * 4 + kind];
          if (!o) {
            // afterState reads only whether there is an active user, else an email.
            const target = { userId: kind === 0 ? 'user' : null, userActive: kind === 0, email: kind === 1 ? 'email' : null };
            const bs = unpack(b);
            const as = afterState(action, target, bs, autoEnroll);
            o = { after: pack(as), transition: transition(action, bs, as), changed: changed(bs, as) };
            outcomes[b * 4 + kind] = o;
          }
          after[base + k] = o.after;
          list[v] = o.transition;
          // Who is told what: only needed when emails go out.
          if (emailStudents && o.changed) {
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
           SELECT $1, c.channel_id, $3, $4, $5, string_to_array($6, E'\\n'), ${listSql(9)}, string_to_array($7, ',', 'n')::int[], ${listSql(11)}, string_to_array(c.transitions, E'\\n')
             FROM unnest($2::uuid[], $8::text[]) AS c(channel_id, transitions)`,
          [
            accountId,
            channelIds,
            action,
            principal.kind === 'client' ? `client:${principal.clientId}` : `user:${principal.userId}`,
            validKeys.length,
            // Identifiers were split on whitespace: none holds a newline.
            validKeys.map((k) => keys.spelling[k]).join('\n'),
            validKeys.map((k) => keys.userNumber[k] ?? 'n').join(','),
            transitions,
            ...listParams(validKeys.map((k) => keys.email[k])),
            ...listParams(validKeys.map((k) => keys.username[k])),
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
      byName: 0,
    };
    // Two arrays, not one filtered twice: a branch with nothing to look up must cost nothing whatever
    // the planner believes about the account's size (stale statistics once made it a cross product).
    const emailKeys: number[] = [];
    const nameKeys: number[] = [];
    key.forEach((k, i) => (k.includes('@') ? emailKeys : nameKeys).push(i));
    // Keys travel as newline-joined text (none holds whitespace); each row names its list (b) and position (n).
    // One unique-index probe per key (LATERAL ... LIMIT 1): a plain join let the planner hash the account's whole
    // user table, a cost that grew with the account rather than with the call (140 ms of CPU at 200,000 users
    // for 10,000 keys; the probes take 20 ms at any account size).
    const matched = await rows<{ b: number; n: number; id: string; user_id: number; username: string; email: string | null; is_active: boolean }>(
      m,
      `SELECT 0 AS b, i.n::int - 1 AS n, u.id, u.user_id, u.username, u.email, u.is_active
         FROM unnest(string_to_array($2::text, E'\\n')) WITH ORDINALITY AS i(key, n)
        CROSS JOIN LATERAL (SELECT u.id, u.user_id, u.username, u.email, u.is_active FROM "user" u WHERE u.account_id = $1 AND lower(u.email) = i.key LIMIT 1) u
       UNION ALL
       SELECT 1, i.n::int - 1, u.id, u.user_id, u.username, u.email, u.is_active
         FROM unnest(string_to_array($3::text, E'\\n')) WITH ORDINALITY AS i(key, n)
        CROSS JOIN LATERAL (SELECT u.id, u.user_id, u.username, u.email, u.is_active FROM "user" u WHERE u.account_id = $1 AND u.username = i.key LIMIT 1) u`,
      [accountId, emailKeys.map((i) => key[i]).join('\n'), nameKeys.map((i) => key[i]).join('\n')],
    );
    for (const r of matched) {
      const k = (r.b ? nameKeys : emailKeys)[r.n];
      keys.byName += r.b;
      keys.valid[k] = 1;
      keys.userId[k] = r.id;
      keys.userNumber[k] = r.user_id;
      keys.username[k] = r.username;
      keys.userActive[k] = r.is_active ? 1 : 0;
      keys.email[k] = r.email ? r.email.toLowerCase() : null;
    }
    for (let k = 0; k < count; k++) {
      if (keys.valid[k] || !isEmail(key[k])) continue;
      keys.valid[k] = 1;
      keys.email[k] = key[k];
    }
    return keys;
  }

  /**
   * Per course and key, the packed state before the call (bulk-enroll.answer.ts), and how many enrollment rows
   * (active or not) and pre-enrollment rows of these keys and courses exist; one statement.
   */
  private async statesBefore(m: EntityManager, accountId: string, keys: Keys, channelIds: string[]): Promise<{ states: Uint8Array; enrollmentRows: number; pendingRows: number }> {
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
    const matched = await rows<{ b: number; n: number; c: number; s: number }>(
      m,
      // Index probes per key (LATERAL): a join let the planner, misled by courses made a moment ago and not yet
      // analysed, scan the whole enrollment and pending_enrollment tables (280 ms at 700,000 rows, for nothing).
      `SELECT 0 AS b, u.n::int - 1 AS n, array_position($1::uuid[], e.channel_id) - 1 AS c, CASE WHEN e.is_active THEN ${ENROLLED} ELSE 0 END AS s
         FROM unnest(string_to_array($2::text, ',')::uuid[]) WITH ORDINALITY AS u(user_id, n)
        CROSS JOIN LATERAL (SELECT e.channel_id, e.is_active FROM enrollment e WHERE e.user_id = u.user_id AND e.channel_id = ANY($1::uuid[])) e
       UNION ALL
       SELECT 1, p.n::int - 1, array_position($1::uuid[], pe.channel_id) - 1, CASE WHEN pe.auto_enroll THEN ${ALLOWED | AUTO} ELSE ${ALLOWED} END
         FROM unnest(${listSql(4)}) WITH ORDINALITY AS p(email, n)
        CROSS JOIN LATERAL (SELECT pe.channel_id, pe.auto_enroll FROM pending_enrollment pe WHERE pe.account_id = $3 AND pe.email = p.email AND pe.channel_id = ANY($1::uuid[])) pe`,
      [channelIds, userKeys.map((k) => keys.userId[k]).join(','), accountId, ...listParams(emailKeys.map((k) => keys.email[k]))],
    );
    let enrollmentRows = 0;
    for (const r of matched) {
      states[r.c * keys.count + (r.b ? emailKeys : userKeys)[r.n]] |= r.s;
      enrollmentRows += 1 - r.b;
    }
    return { states, enrollmentRows, pendingRows: matched.length - enrollmentRows };
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
