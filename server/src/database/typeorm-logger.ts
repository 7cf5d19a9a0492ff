// TypeORM's own messages through our JSON logger. Query parameters are never logged (they carry
// what users submitted), and a unique-index refusal is an expected outcome, not an error.
import { LoggerService } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';

const UNIQUE = /UNIQUE constraint failed|Duplicate entry|ER_DUP_ENTRY/i;

export class TypeOrmJsonLogger implements TypeOrmLogger {
  constructor(
    private readonly logger: LoggerService,
    private readonly logQueries: boolean,
  ) {}

  logQuery(query: string): void {
    if (this.logQueries) this.logger.debug?.({ msg: 'query', query }, 'TypeORM');
  }

  logQueryError(error: string | Error, query: string): void {
    const message = typeof error === 'string' ? error : error.message;
    if (UNIQUE.test(message)) {
      this.logger.debug?.({ msg: 'unique constraint refused a write', query: query.slice(0, 200) }, 'TypeORM');
      return;
    }
    this.logger.warn({ msg: 'query failed', error: message.slice(0, 500), query: query.slice(0, 500) }, 'TypeORM');
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ msg: 'slow query', ms: time, query: query.slice(0, 500) }, 'TypeORM');
  }

  logSchemaBuild(message: string): void {
    this.logger.debug?.({ msg: message }, 'TypeORM');
  }

  logMigration(message: string): void {
    this.logger.log({ msg: message }, 'TypeORM');
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn({ msg: String(message) }, 'TypeORM');
    else this.logger.debug?.({ msg: String(message) }, 'TypeORM');
  }
}
