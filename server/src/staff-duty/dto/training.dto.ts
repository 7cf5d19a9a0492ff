import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsNotEmpty, IsNumber, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { TrainingCreateRequest } from '@shian/shared';
import { IsBusinessDate, Trim } from '../../common/decorators';
import { DigitsToNumber, ScopedListQuery } from '../../common/pagination';

export class CreateTrainingDto implements TrainingCreateRequest {
  @ApiProperty({ example: '2026-11-20', description: '培训日期（不能晚于今天）' })
  @IsString()
  @IsBusinessDate()
  heldOn!: string;

  @ApiProperty({ example: '《食品安全法》及餐饮服务操作规范', description: '培训主题' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  topic!: string;

  @ApiProperty({ example: 4, description: '学时' })
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0.5)
  @Max(200)
  hours!: number;

  @ApiProperty({ example: '王总监', description: '授课人' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  trainer!: string;

  @ApiProperty({ type: [String], description: '参训人员（本企业在岗人员的ID）' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsUUID(undefined, { each: true })
  attendeeIds!: string[];

  @ApiPropertyOptional({ example: '闭卷考试，参训人员全部合格', description: '考核情况' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(1000)
  assessment?: string | null;

  @ApiPropertyOptional({ type: [String], description: '附件（签到表、照片、试卷）：POST /api/files 上传的 photo、document 或 credential 文件ID' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID(undefined, { each: true })
  fileIds?: string[];
}

export class ListTrainingsQuery extends ScopedListQuery {
  @ApiPropertyOptional({ example: '2026-01-01', description: '培训日期起' })
  @IsOptional()
  @IsBusinessDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: '培训日期止' })
  @IsOptional()
  @IsBusinessDate()
  to?: string;

  @ApiPropertyOptional({ description: '参训人员ID' })
  @IsOptional()
  @IsUUID()
  userId?: string;
}

export class TrainingHoursQuery {
  @ApiPropertyOptional({ example: 2026, description: '年份（默认今年，北京时间）' })
  @IsOptional()
  @DigitsToNumber()
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ description: '企业ID：监管人员和包保干部必填（限本辖区）；企业用户可省略' })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;
}
