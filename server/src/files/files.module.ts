import { join } from 'node:path';
import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { APP_CONFIG, AppConfig } from '../config/config';
import { FilesController } from './files.controller';
import { FilesService } from './files.service';
import { LocalDiskStorage } from './storage/local-disk.storage';
import { S3Storage } from './storage/s3.storage';
import { STORAGE_SERVICE, StorageService } from './storage/storage';

export function createStorage(config: AppConfig): StorageService {
  return config.storage.kind === 's3' ? new S3Storage(config.storage) : new LocalDiskStorage(join(config.dataDir, 'files'));
}

@Module({
  controllers: [FilesController],
  providers: [FilesService, { provide: STORAGE_SERVICE, useFactory: createStorage, inject: [APP_CONFIG] }],
  exports: [FilesService, STORAGE_SERVICE],
})
export class FilesModule implements OnModuleInit {
  constructor(@Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost) {}

  /** Only this feature takes multipart bodies; the parser lives with it. Limits are set per read. */
  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    // Queued, not awaited: awaiting would boot Fastify's plugin queue in the middle of Nest's
    // init, before Nest installs its error handler, and parser errors would bypass our filter.
    if (fastify && !fastify.hasContentTypeParser('multipart/form-data')) void fastify.register(multipart);
  }
}
