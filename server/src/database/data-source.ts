// One data-source builder for the Nest module and the migration CLI.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource, DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/config';
import { LoggerService } from '@nestjs/common';
import { JsonLogger } from '../common/logger';
import { SnakeNamingStrategy } from './naming';
import { TypeOrmJsonLogger } from './typeorm-logger';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/**
 * MariaDB reports defaults and foreign keys differently from MySQL, and TypeORM reads the schema
 * right only when told which one it is; DB_URL is mysql:// for both, so ask the server.
 */
export async function detectMysqlFlavor(url: string): Promise<'mysql' | 'mariadb'> {
  if (url.startsWith('mariadb:')) return 'mariadb';
  const mysql = await import('mysql2/promise');
  const conn = await mysql.createConnection(url);
  try {
    const [rows] = await conn.query('SELECT VERSION() AS v');
    return /mariadb/i.test(String((rows as Array<{ v: string }>)[0]?.v)) ? 'mariadb' : 'mysql';
  } finally {
    await conn.end();
  }
}

export async function buildDataSourceOptions(config: AppConfig, logger: LoggerService = new JsonLogger(config.logLevel)): Promise<DataSourceOptions> {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    namingStrategy: new SnakeNamingStrategy(),
    logging: true,
    logger: new TypeOrmJsonLogger(logger, config.logLevel === 'debug'),
    maxQueryExecutionTime: 1000,
  };
  if (config.db.kind === 'mysql') {
    return {
      ...common,
      type: await detectMysqlFlavor(config.db.url),
      url: config.db.url,
      // `?socketPath=/run/mysqld/mysqld.sock`: a database on the same machine over its Unix socket,
      // cheaper per statement than loopback TCP (docs/performance.md).
      socketPath: new URL(config.db.url).searchParams.get('socketPath') ?? undefined,
      // Store and read instants as UTC whatever the server's time zone.
      timezone: 'Z',
      charset: 'utf8mb4_unicode_ci',
      // COUNT/BIGINT as strings is handled where counts are read (see common/sql.ts).
      supportBigNumbers: true,
      bigNumberStrings: true,
      extra: { connectionLimit: 20 },
      // A submission's writes go as one multi-statement query (database/write-batch.ts). Every
      // statement is parameterised; nothing concatenates user input into SQL.
      multipleStatements: true,
    };
  }
  mkdirSync(dirname(config.db.file), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: config.db.file,
    // WAL lets the H5 readers run beside a writer; busy_timeout waits instead of failing on a lock.
    prepareDatabase: (db: { pragma(s: string): unknown }) => {
      db.pragma('journal_mode = WAL');
      db.pragma('busy_timeout = 5000');
      db.pragma('foreign_keys = ON');
      db.pragma('synchronous = NORMAL');
    },
  };
}

export async function createDataSource(config: AppConfig, logger?: LoggerService): Promise<DataSource> {
  return new DataSource(await buildDataSourceOptions(config, logger));
}
