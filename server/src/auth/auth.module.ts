import { Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/config';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { createWechatClient, WECHAT_CLIENT } from './wechat.client';

@Module({
  controllers: [AuthController],
  providers: [AuthService, { provide: WECHAT_CLIENT, inject: [APP_CONFIG], useFactory: (c: AppConfig) => createWechatClient(c) }],
})
export class AuthModule {}
