import { isoDate } from '../../../core/http/ids';
import { UserChannelPerformanceDto } from './performance.dto';

export interface PerformanceRow {
  user_id: string;
  channel_id: string;
  channel_name: string;
  channel_identifier: string;
  user_identifier: string;
  progress: number;
  score: number | null;
  completed_at: Date | null;
}

/** Active enrollments with their user and channel, for the performance queries. */
export const PERFORMANCE_SELECT = `
  SELECT e.user_id, e.channel_id, c.name AS channel_name, c.identifier AS channel_identifier, u.identifier AS user_identifier,
         e.progress, e.score, e.completed_at
    FROM enrollment e
    JOIN channel c ON c.id = e.channel_id
    JOIN "user" u ON u.id = e.user_id`;

export function toPerformance(r: PerformanceRow): UserChannelPerformanceDto {
  return {
    channelName: r.channel_name,
    completionDate: isoDate(r.completed_at),
    externalChannelId: r.channel_identifier,
    externalUserId: r.user_identifier,
    progress: r.progress,
    score: r.score,
  };
}
