import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ApiError } from '../../../core/http/api-error';
import { isoDate } from '../../../core/http/ids';
import { EnrollmentsService } from '../../../core/learning/enrollments.service';
import { PERFORMANCE_SELECT, PerformanceRow, toPerformance } from '../performance/performance.mapper';
import { UserChannelPerformanceDto } from '../performance/performance.dto';
import { ContentItemDataDto, ContentItemDto, ProgressUpdateDto, TrainingEventDataDto, TrainingEventDto } from './content.dto';
import { enableyUserId } from '../users/enabley-user-id';
import { rows } from '../../../core/database/sql';

/** Most training events one channel lists. */
export const EVENTS_LIMIT = 10000;

const notLearner = (user: string) => ApiError.itemNotExists(`User "${user}" is not a learner of this channel.`);

/** A channel's content items and training events, learners' progress on them, and forceComplete. */
@Injectable()
export class ChannelContentService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly enrollments: EnrollmentsService,
  ) {}

  async listItems(channelId: string): Promise<ContentItemDto[]> {
    const found = await rows<{ identifier: string; name: string; optional: boolean; scored: boolean; position: number; training_event: boolean }>(
      this.db,
      `SELECT ci.identifier, ci.name, ci.optional, ci.scored, ci.position, te.content_item_id IS NOT NULL AS training_event
         FROM content_item ci LEFT JOIN enabley_training_event te ON te.content_item_id = ci.id
        WHERE ci.channel_id = $1 ORDER BY ci.position, ci.identifier`,
      [channelId],
    );
    return found.map((r) => ({
      identifier: r.identifier,
      name: r.name,
      optional: r.optional,
      scored: r.scored,
      position: r.position,
      trainingEvent: r.training_event,
    }));
  }

  /** Upserts the items in one statement, then recomputes every learner of the channel in one more. */
  async upsertItems(channelId: string, items: ContentItemDataDto[]): Promise<ContentItemDto[]> {
    const ids = items.map((i) => i.identifier);
    if (new Set(ids).size !== ids.length) throw ApiError.badRequest('Each item identifier may appear only once.', 'items');
    await this.db.transaction(async (m) => {
      await rows(
        m,
        `INSERT INTO content_item (channel_id, identifier, name, optional, scored, position)
         SELECT $1, i.identifier, i.name, coalesce(i.optional, false), coalesce(i.scored, false), coalesce(i.position, i.ord::int - 1)
           FROM unnest($2::text[], $3::text[], $4::boolean[], $5::boolean[], $6::int[]) WITH ORDINALITY AS i(identifier, name, optional, scored, position, ord)
         ON CONFLICT (channel_id, identifier) DO UPDATE SET name = EXCLUDED.name,
           optional = EXCLUDED.optional,
           scored = EXCLUDED.scored, position = EXCLUDED.position`,
        [channelId, ids, items.map((i) => i.name), items.map((i) => i.optional ?? null), items.map((i) => i.scored ?? null), items.map((i) => i.position ?? null)],
      );
      await this.recomputeChannel(m, channelId);
    });
    const all = await this.listItems(channelId);
    const wanted = new Set(ids);
    return all.filter((i) => wanted.has(i.identifier));
  }

  private async recomputeChannel(m: EntityManager, channelId: string): Promise<void> {
    const learners = await rows<{ user_id: string }>(m, `SELECT user_id FROM enrollment WHERE channel_id = $1`, [channelId]);
    await this.enrollments.recompute(m, learners.map((l) => ({ userId: l.user_id, channelId })));
  }

  async listEvents(channelId: string): Promise<TrainingEventDto[]> {
    const found = await rows<TrainingEventRow>(
      this.db,
      `SELECT ci.identifier, ci.name, te.* FROM enabley_training_event te JOIN content_item ci ON ci.id = te.content_item_id
        WHERE te.channel_id = $1 ORDER BY te.from_date NULLS LAST, ci.identifier LIMIT ${EVENTS_LIMIT}`,
      [channelId],
    );
    return found.map(toTrainingEvent);
  }

  /** Creates (name required) or updates a training event; it is a content item of the channel. */
  async upsertEvent(channelId: string, dto: TrainingEventDataDto): Promise<{ event: TrainingEventDto; created: boolean }> {
    if (dto.fromDate && dto.untilDate && new Date(dto.untilDate) < new Date(dto.fromDate)) throw ApiError.badRequest('untilDate must not be before fromDate.', 'untilDate');
    return this.db.transaction(async (m) => {
      // PUT is an upsert: of concurrent first PUTs of one identifier, one creates and the others update.
      // The insert waits for a concurrent insert of the same identifier to commit and then skips it, so the
      // locking read after it always finds the row (never a unique violation, never two creations).
      let createdId: string | undefined;
      if (dto.name) {
        const [inserted] = await rows<{ id: string }>(
          m,
          `INSERT INTO content_item (channel_id, identifier, name, optional, scored, position)
           VALUES ($1, $2, $3, $4, $5, (SELECT coalesce(max(position) + 1, 0) FROM content_item WHERE channel_id = $1))
           ON CONFLICT (channel_id, identifier) DO NOTHING RETURNING id`,
          [channelId, dto.identifier, dto.name, dto.optional ?? false, dto.includeGrade ?? false],
        );
        createdId = inserted?.id;
      }
      const created = createdId !== undefined;
      let id: string;
      if (createdId !== undefined) id = createdId;
      else {
        const [item] = await rows<{ id: string; is_event: boolean }>(
          m,
          `SELECT ci.id, te.content_item_id IS NOT NULL AS is_event FROM content_item ci LEFT JOIN enabley_training_event te ON te.content_item_id = ci.id
            WHERE ci.channel_id = $1 AND ci.identifier = $2 FOR UPDATE OF ci`,
          [channelId, dto.identifier],
        );
        if (!item) throw ApiError.required('name', 'A new training event needs a name.');
        if (!item.is_event) throw ApiError.conflict(`Content item "${dto.identifier}" exists and is not a training event.`, 'identifier');
        id = item.id;
        await rows(m, `UPDATE content_item SET name = coalesce($2, name), optional = coalesce($3, optional) WHERE id = $1`, [id, dto.name ?? null, dto.optional ?? null]);
      }
      await rows(
        m,
        `INSERT INTO enabley_training_event (content_item_id, channel_id, description, from_date, until_date, all_day_event, include_grade, is_published, live_session, location)
         VALUES ($1, $2, $3, $4, $5, coalesce($6, false), coalesce($7, false), coalesce($8, true), coalesce($9, false), $10)
         ON CONFLICT (content_item_id) DO UPDATE SET
           description = coalesce(EXCLUDED.description, enabley_training_event.description),
           from_date = coalesce($4, enabley_training_event.from_date), until_date = coalesce($5, enabley_training_event.until_date),
           all_day_event = coalesce($6, enabley_training_event.all_day_event), include_grade = coalesce($7, enabley_training_event.include_grade),
           is_published = coalesce($8, enabley_training_event.is_published), live_session = coalesce($9, enabley_training_event.live_session),
           location = coalesce($10, enabley_training_event.location)`,
        [id, channelId, dto.description ?? null, dto.fromDate ?? null, dto.untilDate ?? null, dto.allDayEvent ?? null, dto.includeGrade ?? null, dto.isPublished ?? null, dto.liveSession ?? null, dto.location ?? null],
      );
      if (dto.includeGrade !== undefined) await rows(m, `UPDATE content_item SET scored = $2 WHERE id = $1`, [id, dto.includeGrade]);
      if (created) await this.recomputeChannel(m, channelId);
      const [row] = await rows<TrainingEventRow>(m, `SELECT ci.identifier, ci.name, te.* FROM enabley_training_event te JOIN content_item ci ON ci.id = te.content_item_id WHERE te.content_item_id = $1`, [id]);
      return { event: toTrainingEvent(row), created };
    });
  }

  private async learner(accountId: string, channelId: string, userIdentifier: string, m: EntityManager): Promise<string> {
    const userId = await enableyUserId(m, accountId, userIdentifier);
    if (!userId) throw ApiError.itemNotExists(`No user with identifier "${userIdentifier}".`);
    const [e] = await rows(m, `SELECT 1 FROM enrollment WHERE user_id = $1 AND channel_id = $2 AND is_active`, [userId, channelId]);
    if (!e) throw notLearner(userIdentifier);
    return userId;
  }

  async performanceOf(m: EntityManager | DataSource, userId: string, channelId: string): Promise<UserChannelPerformanceDto> {
    const [row] = await rows<PerformanceRow>(m, `${PERFORMANCE_SELECT} WHERE e.user_id = $1 AND e.channel_id = $2`, [userId, channelId]);
    return toPerformance(row);
  }

  /** Records a learner's progress on one item and recomputes their channel progress. */
  async recordProgress(accountId: string, channelId: string, itemIdentifier: string, userIdentifier: string, dto: ProgressUpdateDto): Promise<UserChannelPerformanceDto> {
    return this.db.transaction(async (m) => {
      const [item] = await rows(m, `SELECT id FROM content_item WHERE channel_id = $1 AND identifier = $2`, [channelId, itemIdentifier]);
      if (!item) throw ApiError.notFound(`No content item "${itemIdentifier}" in this channel.`);
      const userId = await this.learner(accountId, channelId, userIdentifier, m);
      await rows(
        m,
        `INSERT INTO content_progress (user_id, content_item_id, completed, score, time_spent_seconds, completed_at)
         VALUES ($1, $2, coalesce($3, false), $4, coalesce($5, 0), CASE WHEN $3 THEN now() END)
         ON CONFLICT (user_id, content_item_id) DO UPDATE SET
           completed = coalesce($3, content_progress.completed),
           score = coalesce($4, content_progress.score),
           time_spent_seconds = coalesce($5, content_progress.time_spent_seconds),
           completed_at = CASE WHEN coalesce($3, content_progress.completed) THEN coalesce(content_progress.completed_at, now()) END,
           updated_at = now()`,
        [userId, item.id, dto.completed ?? null, dto.score ?? null, dto.timeSpent ?? null],
      );
      await this.enrollments.recompute(m, [{ userId, channelId }]);
      return this.performanceOf(m, userId, channelId);
    });
  }

  /**
   * Marks every non-optional item (events included) complete for the learner in one statement, sets the
   * enrollment to 100 and recomputes it (which re-evaluates certificates), all in one transaction.
   */
  async forceComplete(accountId: string, channelId: string, userIdentifier: string): Promise<UserChannelPerformanceDto> {
    return this.db.transaction(async (m) => {
      const userId = await this.learner(accountId, channelId, userIdentifier, m);
      await rows(
        m,
        `INSERT INTO content_progress (user_id, content_item_id, completed, completed_at)
         SELECT $1, ci.id, true, now() FROM content_item ci WHERE ci.channel_id = $2 AND NOT ci.optional
         ON CONFLICT (user_id, content_item_id) DO UPDATE SET completed = true,
           completed_at = coalesce(content_progress.completed_at, now()), updated_at = now()`,
        [userId, channelId],
      );
      await this.enrollments.markFinished(m, [{ userId, channelId }]);
      return this.performanceOf(m, userId, channelId);
    });
  }
}

type TrainingEventRow = Parameters<typeof toTrainingEvent>[0];

function toTrainingEvent(r: {
  identifier: string;
  name: string;
  description: string | null;
  from_date: Date | null;
  until_date: Date | null;
  all_day_event: boolean;
  include_grade: boolean;
  is_published: boolean;
  live_session: boolean;
  location: string | null;
}): TrainingEventDto {
  return {
    allDayEvent: r.all_day_event,
    description: r.description,
    fromDate: isoDate(r.from_date),
    identifier: r.identifier,
    includeGrade: r.include_grade,
    isPublished: r.is_published,
    liveSession: r.live_session,
    location: r.location,
    name: r.name,
    untilDate: isoDate(r.until_date),
  };
}
