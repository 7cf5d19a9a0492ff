import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { InvitationAcceptRequest, InvitationCreateRequest, Role } from '@shian/shared';
import { IsBusinessDate } from '../../common/decorators';
import { PersonDto } from '../../staff/dto/staff.dto';

export class CreateInvitationDto implements InvitationCreateRequest {
  @ApiProperty({ enum: [Role.Director, Role.Officer], description: '邀请的角色：director 食品安全总监 / officer 食品安全员' })
  @IsIn([Role.Director, Role.Officer])
  role!: Role.Director | Role.Officer;

  @ApiPropertyOptional({ nullable: true, description: '被接替人员（其任职在受邀人加入时结束）；总监已配齐时默认接替任职最早的总监' })
  @IsOptional()
  @IsUUID()
  replacesUserId?: string | null;
}

export class AcceptInvitationDto extends PersonDto implements InvitationAcceptRequest {
  @ApiProperty({ example: 'K7MQ2XPA', description: '8 位邀请码（不区分大小写，可含空格或横线）' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  code!: string;

  @ApiPropertyOptional({ example: '2026-01-15', description: '任职日期（默认今天，北京时间）' })
  @IsOptional()
  @IsBusinessDate()
  appointedOn?: string;
}

export class InvitationPreviewQuery {
  @ApiProperty({ example: 'K7MQ2XPA', description: '邀请码' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  code!: string;
}
