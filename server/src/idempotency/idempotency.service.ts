// Retried submissions never duplicate: the first request with a key stores its result in the
// same transaction as its effect; a replay (also a concurrent one) gets that stored result.
import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ErrorCodes } from '@shian/shared';
import { AppError } from '../common/app-error';
import { canonicalJson } from '../common/canonical-json';
import { isDeadlock } from '../common/sql';
import { pipelineQueries } from '../database/pipeline';
import { WriteBatch } from '../database/write-batch';
import type { Caller } from '../common/caller';
import { IdempotencyRecord } from './idempotency-record.entity';

const KEY_RE = /^[A-Za-z0-9_.:-]{8,100}$/;

/**
 * For a response that repeats what its record stores (a record's answers, several KB): the key's
 * row keeps the rest, and a replay puts the record's part back. The record never changes, so the
 * replay is still exactly the original response.
 */
export interface ReplayCompaction<T> {
  /** What to store for the response. */
  strip(body: T): unknown;
  /** The response again, from what was stored. */
  restore(stored: unknown): Promise<T>;
}

export interface Replayable<T> {
  status: number;
  body: T;
  replayed: boolean;
}

/** MySQL may pick a transaction as a deadlock victim; it is safe to run it again from the start. */
async function retryOnDeadlock<T>(run: () => Promise<T>, attempts = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await run();
    } catch (e) {
      if (i >= attempts || !isDeadlock(e)) throw e;
      await new Promise((r) => setTimeout(r, 10 * i + Math.random() * 20));
    }
  }
}

@Injectable()
export class IdempotencyService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  checkKey(key: string | undefined): string {
    if (!key) throw new AppError(ErrorCodes.IdempotencyKeyRequired, 400, '缺少请求头 Idempotency-Key（用于防止重复提交）', [{ field: 'Idempotency-Key', message: '缺少请求头 Idempotency-Key' }]);
    if (!KEY_RE.test(key)) throw new AppError(ErrorCodes.ValidationFailed, 400, '请求头 Idempotency-Key 格式无效（8–100 位字母、数字或 _.:-）', [{ field: 'Idempotency-Key', message: '格式无效' }]);
    return key;
  }

  /**
   * Runs `work` in a transaction and stores its result under the key in the same transaction.
   * Writes the work adds to `batch` are sent together with the key's row, in one round trip on
   * MySQL (see WriteBatch); what it writes through `em` directly runs at once.
   */
  async run<T>(
    caller: Caller,
    key: string,
    operation: string,
    request: unknown,
    status: number,
    work: (em: EntityManager, batch: WriteBatch) => Promise<T>,
    compaction?: ReplayCompaction<T>,
  ): Promise<Replayable<T>> {
    const requestHash = createHash('sha256').update(canonicalJson(request)).digest('hex');
    // No read first: a fresh request (the common case) costs no extra round trip. A replay runs
    // the work again, which fails on the stored key (or on its own effect) and is answered below.
    try {
      const body = await retryOnDeadlock(() => this.transaction(async (em) => {
        const batch = new WriteBatch(em);
        const result = await work(em, batch);
        const record: IdempotencyRecord = {
          id: randomUUID(),
          userId: caller.id,
          idempotencyKey: key,
          operation,
          requestHash,
          statusCode: status,
          responseBody: JSON.stringify(compaction ? compaction.strip(result) : result),
          createdAt: new Date(),
        };
        await batch.insert(IdempotencyRecord, record).flush();
        return result;
      }));
      return { status, body, replayed: false };
    } catch (e) {
      // The key was used before (a replay), or by a concurrent request that committed meanwhile —
      // our insert hit the unique index, or the work saw its effect (e.g. "already submitted").
      const winner = await this.find(caller.id, key);
      if (winner) return this.replay<T>(winner, operation, requestHash, compaction);
      // Still a deadlock after the retries: nothing was stored, so the client may safely send again.
      if (isDeadlock(e)) throw new AppError(ErrorCodes.Busy, 503, '系统繁忙，本次提交未保存，请稍后重试');
      throw e;
    }
  }

  /**
   * A transaction on a pipelined runner: its BEGIN, batched writes and COMMIT travel together
   * (database/pipeline.ts). On MySQL/MariaDB it runs READ COMMITTED: what serialises a business's
   * writers is the lock on its chain head row, and without REPEATABLE READ's gap locks the first
   * records of many businesses at once (no head row yet to lock) do not deadlock one another.
   */
  private async transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    const qr = pipelineQueries(this.ds.createQueryRunner());
    try {
      if (this.ds.options.type === 'better-sqlite3') return await qr.manager.transaction(work);
      return await qr.manager.transaction('READ COMMITTED', work);
    } finally {
      await qr.release();
    }
  }

  private find(userId: string, key: string): Promise<IdempotencyRecord | null> {
    return this.ds.getRepository(IdempotencyRecord).findOne({ where: { userId, idempotencyKey: key } });
  }

  private async replay<T>(rec: IdempotencyRecord, operation: string, requestHash: string, compaction?: ReplayCompaction<T>): Promise<Replayable<T>> {
    if (rec.operation !== operation || rec.requestHash !== requestHash) {
      throw new AppError(ErrorCodes.IdempotencyKeyReused, 422, '该 Idempotency-Key 已用于另一份不同的提交，请为新的提交使用新的 Key');
    }
    const stored: unknown = JSON.parse(rec.responseBody);
    return { status: rec.statusCode, body: compaction ? await compaction.restore(stored) : (stored as T), replayed: true };
  }
}
