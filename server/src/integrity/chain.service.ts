// The per-enterprise record chain: each submitted record (every version) gets the next link,
// whose hash covers the previous link's hash and the record's content hash.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { ChainVerification } from '@shian/shared';
import { hydrate, selectColumns, WriteBatch } from '../database/write-batch';
import { Enterprise } from '../enterprises/enterprise.entity';
import { assertAcceptsRecords } from '../enterprises/enterprises.errors';
import { RiskList } from '../risk-lists/risk-list.entity';
import { ChainHead, RecordChainLink } from './chain.entities';
import { RECORD_TYPES, sha256Hex } from './record-content';

export const GENESIS_HASH = '0'.repeat(64);
const VERIFY_BATCH = 500;

export function linkHash(l: Pick<RecordChainLink, 'prevHash' | 'seq' | 'recordType' | 'recordId' | 'recordHash' | 'receivedAt'>): string {
  return sha256Hex([l.prevHash, l.seq, l.recordType, l.recordId, l.recordHash, l.receivedAt.toISOString()].join('|'));
}

export interface RecordContext {
  head: ChainHead;
  enterprise: Enterprise;
  list: RiskList | null;
}

@Injectable()
export class ChainService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /**
   * Locks the enterprise's head row for the rest of the transaction, creating it on the first
   * record. Call it first: writers of one enterprise then queue here, in one lock order, instead
   * of deadlocking later (MySQL; two racing first records may still deadlock once, and are retried
   * by IdempotencyService). SQLite has one writer at a time anyway.
   */
  async lockHead(em: EntityManager, enterpriseId: string): Promise<ChainHead> {
    // Every record write passes here or through lockForRecord: the one place a pending
    // registration is stopped (403), whatever the record.
    const enterprise = await em.findOne(Enterprise, { where: { id: enterpriseId }, select: { id: true, status: true } });
    if (enterprise) assertAcceptsRecords(enterprise);
    const read = () => {
      const qb = em.getRepository(ChainHead).createQueryBuilder('h').where('h.enterpriseId = :enterpriseId', { enterpriseId });
      if (em.connection.options.type !== 'better-sqlite3') qb.setLock('pessimistic_write');
      return qb.getOne();
    };
    const head = await read();
    if (head) return head;
    await em.createQueryBuilder().insert().into(ChainHead).values({ enterpriseId, seq: 0, hash: GENESIS_HASH }).orIgnore().execute();
    return (await read())!;
  }

  /**
   * lockHead, and in the same statement (one round trip) what a new record of the enterprise
   * needs: the enterprise and its current 风险管控清单 (null before its first use). Null when there
   * is no such enterprise.
   */
  async lockForRecord(em: EntityManager, enterpriseId: string): Promise<RecordContext | null> {
    const sql = (this.recordContextSql ??= this.buildRecordContextSql(em));
    let [raw] = (await em.query(sql, [enterpriseId])) as Array<Record<string, unknown>>;
    if (!raw) return null;
    const enterprise = hydrate(em, Enterprise, raw, 'e')!;
    assertAcceptsRecords(enterprise);
    if (raw.h__seq == null) {
      // The enterprise's first record: make its head, then read (and lock) again.
      await this.lockHead(em, enterpriseId);
      [raw] = (await em.query(sql, [enterpriseId])) as Array<Record<string, unknown>>;
    }
    const head = Object.assign(new ChainHead(), { enterpriseId, seq: Number(raw.h__seq), hash: String(raw.h__hash) });
    return { head, enterprise, list: hydrate(em, RiskList, raw, 'r') };
  }

  /** lockForRecord's statement: built once (entity metadata does not change while the app runs). */
  private recordContextSql: string | undefined;

  private buildRecordContextSql(em: EntityManager): string {
    return (
      `SELECT h.seq AS h__seq, h.hash AS h__hash, ${selectColumns(em, Enterprise, 'e')}, ${selectColumns(em, RiskList, 'r')} ` +
      'FROM enterprises e LEFT JOIN chain_heads h ON h.enterprise_id = e.id ' +
      'LEFT JOIN risk_lists r ON r.enterprise_id = e.id AND r.version = (SELECT MAX(r2.version) FROM risk_lists r2 WHERE r2.enterprise_id = e.id) ' +
      'WHERE e.id = ?' +
      (em.connection.options.type === 'better-sqlite3' ? '' : ' FOR UPDATE')
    );
  }

  /**
   * Adds the next link after the locked head to `batch` (with the head's advance), and advances
   * `head` for further appends in the same transaction. The caller flushes the batch.
   */
  append(batch: WriteBatch, head: ChainHead, recordType: string, recordId: string, recordHash: string, receivedAt: Date): RecordChainLink {
    const link = Object.assign(new RecordChainLink(), { enterpriseId: head.enterpriseId, seq: head.seq + 1, recordType, recordId, recordHash, prevHash: head.hash, receivedAt });
    link.hash = linkHash(link);
    batch.insert(RecordChainLink, link);
    batch.raw('UPDATE chain_heads SET seq = ?, hash = ? WHERE enterprise_id = ?', [link.seq, link.hash, head.enterpriseId]);
    head.seq = link.seq;
    head.hash = link.hash;
    return link;
  }

  /** Walks the chain in order and reports the first broken link, if any. */
  async verify(enterpriseId: string): Promise<ChainVerification> {
    const em = this.ds.manager;
    let prevHash = GENESIS_HASH;
    let checked = 0;
    for (let from = 1; ; from += VERIFY_BATCH) {
      const links = await em
        .getRepository(RecordChainLink)
        .createQueryBuilder('l')
        .where('l.enterpriseId = :enterpriseId AND l.seq >= :from', { enterpriseId, from })
        .orderBy('l.seq', 'ASC')
        .limit(VERIFY_BATCH)
        .getMany();
      const hashes = new Map<string, Map<string, string>>();
      for (const [type, load] of Object.entries(RECORD_TYPES)) {
        hashes.set(type, await load(em, links.filter((l) => l.recordType === type).map((l) => l.recordId)));
      }
      for (const l of links) {
        const broken = (reason: string): ChainVerification => ({
          ok: false,
          checked,
          brokenAt: { seq: l.seq, recordType: l.recordType, recordId: l.recordId, reason },
        });
        if (l.seq !== checked + 1) return broken(`链条缺少第 ${checked + 1} 环`);
        if (l.prevHash !== prevHash) return broken('与上一环的哈希不衔接');
        if (linkHash(l) !== l.hash) return broken('链环本身被改动');
        const actual = hashes.get(l.recordType)?.get(l.recordId);
        if (actual === undefined) return broken('记录已不存在');
        if (actual !== l.recordHash) return broken('记录内容与提交时不一致（疑似被篡改）');
        prevHash = l.hash;
        checked++;
      }
      if (links.length < VERIFY_BATCH) break;
    }
    const head = await em.findOne(ChainHead, { where: { enterpriseId } });
    if (head && (head.seq !== checked || head.hash !== prevHash)) {
      return { ok: false, checked, brokenAt: { seq: checked + 1, recordType: null, recordId: null, reason: '链头与链条不一致（末尾记录缺失）' } };
    }
    return { ok: true, checked, brokenAt: null };
  }
}
