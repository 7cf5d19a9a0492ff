// wx.login() code → openid via code2session, behind one interface: the real HTTP client when
// WECHAT_APPID/SECRET are set, a development provider otherwise that refuses to run in production.
import { createHash } from 'node:crypto';
import { AppError } from '../common/app-error';
import type { AppConfig } from '../config/config';
import { AuthErrors } from './auth.errors';

export interface WechatSession {
  openId: string;
  unionId?: string;
}

export interface WechatClient {
  readonly kind: 'http' | 'development';
  code2Session(code: string): Promise<WechatSession>;
}

export const WECHAT_CLIENT = Symbol('WECHAT_CLIENT');

export class HttpWechatClient implements WechatClient {
  readonly kind = 'http';
  constructor(
    private readonly appId: string,
    private readonly secret: string,
    private readonly endpoint = 'https://api.weixin.qq.com/sns/jscode2session',
  ) {}

  async code2Session(code: string): Promise<WechatSession> {
    const url = new URL(this.endpoint);
    url.search = new URLSearchParams({ appid: this.appId, secret: this.secret, js_code: code, grant_type: 'authorization_code' }).toString();
    let body: { openid?: string; unionid?: string; errcode?: number; errmsg?: string };
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
      body = (await res.json()) as typeof body;
    } catch {
      throw AppError.of(AuthErrors, 'AUTH_WECHAT_FAILED');
    }
    if (!body.openid || body.errcode) throw AppError.of(AuthErrors, 'AUTH_WECHAT_FAILED', { errcode: body.errcode });
    return { openId: body.openid, unionId: body.unionid };
  }
}

/** Derives a stable fake openid from the code, for development and tests only. */
export class DevelopmentWechatClient implements WechatClient {
  readonly kind = 'development';
  constructor(private readonly nodeEnv: AppConfig['nodeEnv']) {}

  async code2Session(code: string): Promise<WechatSession> {
    if (this.nodeEnv === 'production') throw AppError.of(AuthErrors, 'WECHAT_NOT_CONFIGURED');
    return { openId: `dev-${createHash('sha256').update(code).digest('hex').slice(0, 28)}` };
  }
}

export function createWechatClient(config: AppConfig): WechatClient {
  return config.wechat ? new HttpWechatClient(config.wechat.appId, config.wechat.secret) : new DevelopmentWechatClient(config.nodeEnv);
}
