import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { LoginResponse, TokenPair, UserDto } from '@shian/shared';
import { CurrentCaller, Public } from '../common/auth.decorators';
import type { Caller } from '../common/caller';
import { AuthService } from './auth.service';
import { LoginDto, RefreshDto, WechatLoginDto } from './dto/auth.dto';

@ApiTags('auth 登录')
@Controller('auth')
export class AuthController {
  constructor(@Inject(AuthService) private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: '手机号 + 密码登录（连续 5 次错误锁定 15 分钟）' })
  login(@Body() dto: LoginDto): Promise<LoginResponse> {
    return this.auth.login(dto);
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({ summary: '用刷新令牌换取新令牌（刷新令牌每次轮换）' })
  refresh(@Body() dto: RefreshDto): Promise<TokenPair> {
    return this.auth.refresh(dto);
  }

  @Public()
  @Post('wechat')
  @HttpCode(200)
  @ApiOperation({ summary: '微信登录：wx.login code；首次需附手机号和密码完成绑定' })
  wechat(@Body() dto: WechatLoginDto): Promise<LoginResponse> {
    return this.auth.wechatLogin(dto);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: '当前用户' })
  me(@CurrentCaller() caller: Caller): Promise<UserDto> {
    return this.auth.me(caller);
  }
}
