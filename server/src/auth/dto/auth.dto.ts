import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import type { LoginRequest, RefreshRequest, WechatLoginRequest } from '@shian/shared';
import { IsMobilePhone } from '../../common/decorators';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: '13900000001', description: '手机号' })
  @IsString()
  @IsMobilePhone()
  phone!: string;

  @ApiProperty({ example: 'Demo@2026', description: '密码' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  password!: string;
}

export class RefreshDto implements RefreshRequest {
  @ApiProperty({ description: '刷新令牌' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  refreshToken!: string;
}

export class WechatLoginDto implements WechatLoginRequest {
  @ApiProperty({ description: 'wx.login() 返回的 code' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  code!: string;

  @ApiPropertyOptional({ description: '首次绑定时的手机号' })
  @IsOptional()
  @IsString()
  @IsMobilePhone()
  phone?: string;

  @ApiPropertyOptional({ description: '首次绑定时的密码' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  password?: string;
}
