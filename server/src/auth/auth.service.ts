import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { ErrorCodes, LoginResponse, maskPhone, TokenPair, UserDto } from '@shian/shared';
import { AppError } from '../common/app-error';
import type { AccessTokenPayload, Caller } from '../common/caller';
import { APP_CONFIG, AppConfig } from '../config/config';
import { Enterprise } from '../enterprises/enterprise.entity';
import { Region } from '../regions/region.entity';
import { AuthErrors } from './auth.errors';
import { LoginDto, RefreshDto, WechatLoginDto } from './dto/auth.dto';
import { DUMMY_HASH, verifyPassword } from './password';
import { RefreshToken } from './refresh-token.entity';
import { User } from './user.entity';
import { WECHAT_CLIENT, WechatClient } from './wechat.client';

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(JwtService) private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(WECHAT_CLIENT) private readonly wechat: WechatClient,
  ) {}

  async login(dto: LoginDto): Promise<LoginResponse> {
    const user = await this.checkPassword(dto.phone, dto.password);
    return this.issue(user);
  }

  /** Verifies phone + password with the lockout rule: N failures lock the account for a while. */
  private async checkPassword(phone: string, password: string): Promise<User> {
    const users = this.ds.getRepository(User);
    const user = await users.findOne({ where: { phone } });
    const now = new Date();
    if (!user || !user.active) {
      await verifyPassword(password, DUMMY_HASH);
      throw AppError.of(AuthErrors, ErrorCodes.InvalidCredentials);
    }
    if (user.lockedUntil && user.lockedUntil > now) throw this.locked(user.lockedUntil, now);
    if (await verifyPassword(password, user.passwordHash)) {
      if (user.failedLoginCount !== 0 || user.lockedUntil) {
        await users.update({ id: user.id }, { failedLoginCount: 0, lockedUntil: null });
      }
      return user;
    }
    // Atomic increment, so concurrent wrong guesses all count.
    await users.increment({ id: user.id }, 'failedLoginCount', 1);
    const fresh = await users.findOneOrFail({ where: { id: user.id } });
    if (fresh.failedLoginCount >= this.config.login.maxFailures) {
      const until = new Date(now.getTime() + this.config.login.lockMinutes * 60_000);
      await users.update({ id: user.id }, { failedLoginCount: 0, lockedUntil: until });
      throw this.locked(until, now);
    }
    throw AppError.of(AuthErrors, ErrorCodes.InvalidCredentials);
  }

  private locked(until: Date, now: Date): AppError {
    const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
    return new AppError(ErrorCodes.AccountLocked, 423, `密码错误次数过多，账户已锁定，请 ${minutes} 分钟后再试`, { lockedUntil: until.toISOString() }, {
      'retry-after': String(minutes * 60),
    });
  }

  async refresh(dto: RefreshDto): Promise<TokenPair> {
    const tokens = this.ds.getRepository(RefreshToken);
    const row = await tokens.findOne({ where: { tokenHash: sha256(dto.refreshToken) } });
    const now = new Date();
    if (!row) throw AppError.of(AuthErrors, ErrorCodes.InvalidRefreshToken);
    if (row.revokedAt) {
      // A rotated token used again: someone kept a copy. End the whole login.
      await tokens.update({ familyId: row.familyId, revokedAt: IsNull() }, { revokedAt: now });
      throw AppError.of(AuthErrors, ErrorCodes.InvalidRefreshToken);
    }
    if (row.expiresAt <= now) throw AppError.of(AuthErrors, ErrorCodes.InvalidRefreshToken);
    // Only one concurrent use of a token wins the rotation.
    const res = await tokens.update({ id: row.id, revokedAt: IsNull() }, { revokedAt: now });
    if (!res.affected) throw AppError.of(AuthErrors, ErrorCodes.InvalidRefreshToken);
    const user = await this.ds.getRepository(User).findOne({ where: { id: row.userId } });
    if (!user || !user.active) throw AppError.of(AuthErrors, ErrorCodes.InvalidRefreshToken);
    return this.tokens(user, row.familyId);
  }

  async wechatLogin(dto: WechatLoginDto): Promise<LoginResponse> {
    const session = await this.wechat.code2Session(dto.code);
    const users = this.ds.getRepository(User);
    let user = await users.findOne({ where: { wechatOpenId: session.openId } });
    if (!user) {
      if (!dto.phone || !dto.password) throw AppError.of(AuthErrors, ErrorCodes.WechatNotBound);
      user = await this.checkPassword(dto.phone, dto.password);
      await users.update({ id: user.id }, { wechatOpenId: session.openId });
    } else if (!user.active) {
      throw AppError.of(AuthErrors, ErrorCodes.InvalidCredentials);
    }
    return this.issue(user);
  }

  async me(caller: Caller): Promise<UserDto> {
    const user = await this.ds.getRepository(User).findOneOrFail({ where: { id: caller.id } });
    return this.toDto(user, true);
  }

  private async issue(user: User): Promise<LoginResponse> {
    const pair = await this.tokens(user, randomUUID());
    return { ...pair, user: await this.toDto(user, true) };
  }

  private async tokens(user: User, familyId: string): Promise<TokenPair> {
    const payload: AccessTokenPayload = {
      sub: user.id,
      name: user.name,
      role: user.role,
      ent: user.enterpriseId,
      reg: user.regionCode,
      lvl: user.cadreLevel,
    };
    const accessToken = await this.jwt.signAsync(payload, { expiresIn: this.config.jwt.accessTtlSeconds });
    const refreshToken = randomBytes(32).toString('base64url');
    const now = new Date();
    await this.ds.getRepository(RefreshToken).insert({
      id: randomUUID(),
      userId: user.id,
      tokenHash: sha256(refreshToken),
      familyId,
      expiresAt: new Date(now.getTime() + this.config.jwt.refreshTtlDays * 86_400_000),
      revokedAt: null,
      createdAt: now,
    });
    return { accessToken, refreshToken, expiresIn: this.config.jwt.accessTtlSeconds };
  }

  private async toDto(user: User, self: boolean): Promise<UserDto> {
    const enterprise = user.enterpriseId ? await this.ds.getRepository(Enterprise).findOne({ where: { id: user.enterpriseId } }) : null;
    const region = user.regionCode ? await this.ds.getRepository(Region).findOne({ where: { code: user.regionCode } }) : null;
    return {
      id: user.id,
      name: user.name,
      phone: self ? user.phone : maskPhone(user.phone),
      role: user.role,
      enterpriseId: user.enterpriseId,
      enterpriseName: enterprise?.name ?? null,
      regionCode: user.regionCode,
      regionName: region?.name ?? null,
      cadreLevel: user.cadreLevel,
    };
  }
}
