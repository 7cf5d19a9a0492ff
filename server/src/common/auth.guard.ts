// Every route needs a valid access token unless marked @Public(), and a role listed by @Roles()
// when it has one. Row-level access (region, enterprise) is the services' job via region-scope.ts.
import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import { ErrorCodes, Role } from '@shian/shared';
import { AppError } from './app-error';
import { PUBLIC_KEY, ROLES_KEY } from './auth.decorators';
import { AccessTokenPayload, Caller, callerFromPayload } from './caller';

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(JwtService) private readonly jwt: JwtService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const req = ctx.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; caller?: Caller }>();
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new AppError(ErrorCodes.Unauthenticated, 401, '请先登录');
    let payload: AccessTokenPayload;
    try {
      payload = await this.jwt.verifyAsync<AccessTokenPayload>(match[1]);
    } catch (e) {
      if (e instanceof TokenExpiredError) throw new AppError(ErrorCodes.TokenExpired, 401, '登录已过期，请重新登录');
      throw new AppError(ErrorCodes.Unauthenticated, 401, '登录凭证无效，请重新登录');
    }
    req.caller = callerFromPayload(payload);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(req.caller.role)) throw new AppError(ErrorCodes.Forbidden, 403, '当前角色无权执行此操作');
    return true;
  }
}
