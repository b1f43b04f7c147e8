import { Readable } from 'node:stream';
import { Pool, PoolClient } from 'pg';

/** Rows per chunk of the report: one cursor row is this many enrollments' JSON, already joined (about 200 KB). */
const CHUNK_ROWS = 1000;

/**
 * The enrollments of one course as JSON text, CHUNK_ROWS rows per result row, in user_id order. Each row's
 * text is byte for byte what json_build_object wrote before (no spaces inside a row, ", \n " between rows):
 * built with || over text (textcat), which costs about two thirds of concat(), which looks up every argument's
 * output function on every row. The status words are fixed ASCII and the dates come from to_char, so neither
 * needs escaping; names go through to_json. The row text is computed in the aggregate, after the sort, so the
 * sort carries the narrow columns and each FETCH computes only the chunks it returns.
 * No account filter on the users: with it, stale statistics of a freshly filled account made the planner probe
 * enrollment once per user of the account (a nested loop, 4x slower at 50,000 rows); the channel's enrollments
 * are what the estimate should come from, and with work_mem the hash of them stays in memory.
 */
const CHUNKS_SQL = `SELECT string_agg('{"username":' || to_json(r.username)::text || ',"user_id":' || r.user_id::text
         || ',"name":' || coalesce(to_json(r.full_name)::text, 'null')
         || ',"status":"' || CASE r.status WHEN 'not_started' THEN $2::text WHEN 'in_progress' THEN $3::text WHEN 'finished' THEN $4::text ELSE $5::text END
         || '","progress":' || r.progress::text || ',"current_score":' || coalesce(r.score, 0)::text || ',"total_time_spent":' || r.time_spent_seconds::text
         || ',"enrollment_date":' || coalesce('"' || to_char(r.enrolled_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '"', 'null')
         || ',"completion_date":' || coalesce('"' || to_char(r.completed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '"', 'null') || '}',
         E', \\n ' ORDER BY r.user_id) AS chunk
    FROM (
      SELECT u.username, u.user_id, u.full_name, e.status, e.progress, e.score, e.time_spent_seconds, e.enrolled_at, e.completed_at,
             (row_number() OVER (ORDER BY u.user_id) - 1) / ${CHUNK_ROWS} AS part
        FROM enrollment e JOIN "user" u ON u.id = e.user_id
       WHERE e.channel_id = $1 AND e.is_active AND u.is_active
         AND ($6::timestamptz IS NULL OR e.enrolled_at >= $6) AND ($7::timestamptz IS NULL OR e.enrolled_at < $7)
    ) r
   GROUP BY r.part ORDER BY r.part`;

/** Chunks per FETCH: one round trip per about 1 MB of answer. */
const FETCH_CHUNKS = 5;

export interface ReportQuery {
  channelId: string;
  statusWords: [string, string, string, string];
  from: Date | null;
  to: Date | null;
}

/** Raw text for the chunk column: no type parsing of what is already the answer's text. */
const RAW = { getTypeParser: () => (value: string) => value };

/**
 * The report's enrollments as `head` + chunks + `tail`, read through a cursor in one read-only transaction on
 * a connection of its own: the whole answer (10 MB at 50,000 rows) is never one value in PostgreSQL, in
 * pg-protocol's buffer or in a string, and the next chunks are read only as the client takes the previous ones.
 * The first FETCH runs before this resolves, so a failing statement is still an ordinary error answer; a report
 * that fits in that FETCH is answered as one string, with a Content-Length. A failure later can only cut the
 * connection (the status line is gone); the transaction is then rolled back by dropping its connection.
 */
export async function reportBody(pool: Pool, q: ReportQuery, head: string, tail: string): Promise<string | Readable> {
  const client = await pool.connect();
  let first: string[];
  try {
    // Both sorts (the window's and the chunks') stay in memory up to about 200,000 rows instead of spilling to
    // temp files; the cursor is planned for all its rows, not the first 10 % (cursor_tuple_fraction). One round trip.
    await client.query(`BEGIN READ ONLY; SET LOCAL work_mem = '32MB'; SET LOCAL cursor_tuple_fraction = 1`);
    await client.query({ text: `DECLARE course_report NO SCROLL CURSOR FOR ${CHUNKS_SQL}`, values: [q.channelId, ...q.statusWords, q.from, q.to] });
    first = await fetchChunks(client);
  } catch (e) {
    client.release(e as Error);
    throw e;
  }
  if (first.length < FETCH_CHUNKS) {
    await finish(client);
    return head + (first.length ? `[${first.join(', \n ')}]` : '[]') + tail;
  }
  return chunkStream(client, first, head, tail);
}

async function fetchChunks(client: PoolClient): Promise<string[]> {
  const res = await client.query<[string]>({ text: `FETCH ${FETCH_CHUNKS} FROM course_report`, rowMode: 'array', types: RAW });
  return res.rows.map((r) => r[0]);
}

async function finish(client: PoolClient): Promise<void> {
  try {
    await client.query('COMMIT');
  } catch (e) {
    client.release(e as Error);
    throw e;
  }
  client.release();
}

function chunkStream(client: PoolClient, first: string[], head: string, tail: string): Readable {
  let pending: string | null = `${head}[${first.join(', \n ')}`;
  let done = false;
  let released = false;
  const release = (err?: Error) => {
    if (released) return;
    released = true;
    client.release(err);
  };
  // At most one FETCH ahead of what was handed on: PostgreSQL writes the next chunks while these go out.
  let ahead: Promise<string[]> | null = null;
  const fetchAhead = () => {
    ahead = fetchChunks(client);
    ahead.catch(() => undefined); // awaited by the next read(); a stream destroyed before then just drops it
  };
  return new Readable({
    // A read asks for more only once the previous chunks were handed on: backpressure reaches the cursor.
    read() {
      if (pending !== null) {
        const text = pending;
        pending = null;
        fetchAhead();
        this.push(Buffer.from(text, 'utf8'));
        return;
      }
      if (done) return;
      const next = ahead ?? fetchChunks(client);
      ahead = null;
      next.then(
        async (chunks) => {
          if (chunks.length) {
            fetchAhead();
            this.push(Buffer.from(`, \n ${chunks.join(', \n ')}`, 'utf8'));
            return;
          }
          done = true;
          await client.query('COMMIT');
          release();
          this.push(Buffer.from(`]${tail}`, 'utf8'));
          this.push(null);
        },
        (e: Error) => this.destroy(e),
      ).catch((e: Error) => this.destroy(e));
    },
    destroy(err, callback) {
      // An aborted client or a failed FETCH: the connection goes, and its open transaction with it.
      if (!released) release(err ?? new Error('course report stream closed early'));
      callback(err);
    },
  });
}
