// Fewer round trips for a short write transaction on MySQL/MariaDB. A submission's time is mostly
// spent waiting for the database, once per statement (docs/performance.md), so on a pipelined
// query runner:
//   - START TRANSACTION (and SET TRANSACTION before it) is not sent alone: it goes with the
//     transaction's first statement;
//   - writes added through WriteBatch are not sent alone: they go with the next statement,
//     usually the COMMIT.
// Each combined send is one multi-statement query (the pool has multipleStatements on); the caller
// gets the result of its own statement, the last one. A failing statement stops the rest and
// rejects, and the transaction rolls back as usual. SQLite runs in-process and is left alone.
import type { QueryRunner } from 'typeorm';
import { QueryResult } from 'typeorm/query-runner/QueryResult';

interface Statement {
  sql: string;
  params: unknown[];
}

type QueryFn = (sql: string, params?: unknown[], structured?: boolean) => Promise<unknown>;

class Pipeline {
  private pending: Statement[] = [];
  /** START TRANSACTION has reached the server (so a ROLLBACK has something to roll back). */
  private begun = false;

  constructor(private readonly send: QueryFn) {}

  defer(statements: Statement[]): void {
    this.pending.push(...statements);
  }

  async query(sql: string, params: unknown[] = [], structured = false): Promise<unknown> {
    const verb = sql.trim().toUpperCase();
    const nothing = () => (structured ? new QueryResult() : undefined);
    if (verb === 'START TRANSACTION' || verb.startsWith('SET TRANSACTION')) {
      this.pending.push({ sql, params: [] });
      return nothing();
    }
    const ends = verb === 'COMMIT' || verb === 'ROLLBACK';
    if (verb === 'ROLLBACK') {
      // Writes never sent need no undoing; a transaction never begun needs no ROLLBACK.
      this.pending = [];
      if (!this.begun) return nothing();
    }
    if (!this.pending.length) {
      const result = await this.send(sql, params, structured);
      if (ends) this.begun = false;
      return result;
    }
    const batch = [...this.pending.splice(0), { sql, params }];
    // Set before sending: if a later statement of the batch fails, the transaction is open.
    if (batch.some((b) => b.sql === 'START TRANSACTION')) this.begun = true;
    const raw = (await this.send(batch.map((s) => s.sql).join(';\n'), batch.flatMap((s) => s.params))) as unknown[];
    if (ends) this.begun = false;
    const own = raw[raw.length - 1];
    if (!structured) return own;
    const result = new QueryResult();
    result.raw = own;
    if (Array.isArray(own)) result.records = own;
    if (own && typeof own === 'object' && 'affectedRows' in own) result.affected = (own as { affectedRows: number }).affectedRows;
    return result;
  }
}

const pipelines = new WeakMap<QueryRunner, Pipeline>();

/** Makes `qr` (a fresh runner, MySQL/MariaDB only; a no-op on SQLite) combine statements as above. */
export function pipelineQueries(qr: QueryRunner): QueryRunner {
  if (qr.connection.options.type === 'better-sqlite3') return qr;
  const send = qr.query.bind(qr) as QueryFn;
  const pipeline = new Pipeline(send);
  pipelines.set(qr, pipeline);
  (qr as { query: QueryFn }).query = (sql, params, structured) => pipeline.query(sql, params, structured);
  return qr;
}

/** The pipeline of a runner made by pipelineQueries, if any. */
export function pipelineOf(qr: QueryRunner | undefined): { defer(statements: Statement[]): void } | undefined {
  return qr ? pipelines.get(qr) : undefined;
}
