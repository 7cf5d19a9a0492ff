// The writes of one submission, sent together. On a pipelined MySQL/MariaDB runner
// (database/pipeline.ts, what IdempotencyService.run gives) they travel with the next statement,
// usually the COMMIT — one round trip instead of one per row, which is what a submission's latency
// is made of (see docs/performance.md); elsewhere, and on SQLite (in-process), one by one. Values
// are prepared by TypeORM's own driver, as em.insert would.
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { pipelineOf } from './pipeline';

interface Statement {
  sql: string;
  params: unknown[];
}

/** The INSERT column list of an entity, cached per entity and set of columns given. */
const insertSql = new WeakMap<object, Map<string, string>>();

export class WriteBatch {
  private readonly statements: Statement[] = [];

  constructor(private readonly em: EntityManager) {}

  get size(): number {
    return this.statements.length;
  }

  /** One INSERT of the rows (every column whose value is not undefined, as in the first row). */
  insert<E extends ObjectLiteral>(target: EntityTarget<E>, rows: E | E[]): this {
    const list = Array.isArray(rows) ? rows : [rows];
    if (!list.length) return this;
    const meta = this.em.connection.getMetadata(target);
    const driver = this.em.connection.driver;
    const columns = meta.columns.filter((c: ColumnMetadata) => c.isInsert && !c.isVirtual && c.getEntityValue(list[0]) !== undefined);
    const key = columns.map((c) => c.databaseName).join(',');
    let perEntity = insertSql.get(meta);
    if (!perEntity) insertSql.set(meta, (perEntity = new Map()));
    let head = perEntity.get(key);
    if (!head) {
      head = `INSERT INTO ${driver.escape(meta.tablePath)} (${columns.map((c) => driver.escape(c.databaseName)).join(', ')}) VALUES `;
      perEntity.set(key, head);
    }
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    const params: unknown[] = [];
    for (const row of list) for (const c of columns) params.push(driver.preparePersistentValue(c.getEntityValue(row), c));
    this.statements.push({ sql: head + list.map(() => tuple).join(', '), params });
    return this;
  }

  /** Any other statement, with '?' placeholders (the same on both dialects). */
  raw(sql: string, params: unknown[] = []): this {
    this.statements.push({ sql, params });
    return this;
  }

  /**
   * Runs what was added, in order, on the manager's transaction; the batch is empty afterwards.
   * On a pipelined runner (database/pipeline.ts) the statements go with the next one sent,
   * usually the COMMIT, and a failure surfaces there.
   */
  async flush(): Promise<void> {
    const todo = this.statements.splice(0);
    if (!todo.length) return;
    const pipeline = pipelineOf(this.em.queryRunner);
    if (pipeline) {
      pipeline.defer(todo);
      return;
    }
    // SQLite (in-process), or a runner that is not pipelined: one statement at a time.
    for (const s of todo) await this.em.query(s.sql, s.params);
  }
}

/** `alias.column AS prefix__column` for every column of the entity, for a hand-written join. */
export function selectColumns(em: EntityManager, target: EntityTarget<ObjectLiteral>, alias: string, prefix = alias): string {
  const driver = em.connection.driver;
  return em.connection
    .getMetadata(target)
    .columns.filter((c) => !c.isVirtual)
    .map((c) => `${alias}.${driver.escape(c.databaseName)} AS ${driver.escape(`${prefix}__${c.databaseName}`)}`)
    .join(', ');
}

/** The entity from a raw row selected with selectColumns (null when its key column is null: an outer join found none). */
export function hydrate<E extends ObjectLiteral>(em: EntityManager, target: EntityTarget<E>, raw: Record<string, unknown>, prefix: string): E | null {
  const meta = em.connection.getMetadata(target);
  const driver = em.connection.driver;
  const primary = meta.primaryColumns[0];
  if (raw[`${prefix}__${primary.databaseName}`] == null) return null;
  const entity = meta.create() as E;
  for (const c of meta.columns) {
    if (c.isVirtual) continue;
    c.setEntityValue(entity, driver.prepareHydratedValue(raw[`${prefix}__${c.databaseName}`], c));
  }
  return entity;
}
