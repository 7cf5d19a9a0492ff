// Request shapes of the 包保 routes (cadres, assignments, commitments, level overrides); the
// validation pipe names each field by its Chinese label. Each implements the shared type it stands for.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min, registerDecorator, ValidateIf } from 'class-validator';
import {
  AssignmentCreateRequest,
  AssignmentEndRequest,
  AssignmentListQuery,
  CADRE_LEVELS,
  CadreCreateRequest,
  CadreLevel,
  CadreListQuery,
  CadreUpdateRequest,
  CommitmentCreateRequest,
  CommitmentListQuery,
  CoverageGapQuery,
  Grade,
  LevelOverrideRequest,
} from '@shian/shared';
import { IsMobilePhone, IsRegionCode, QueryBoolean, Trim } from '../../common/decorators';
import { DigitsToNumber, PageQuery } from '../../common/pagination';

const GRADES = Object.values(Grade);
const LEVEL_HINT = 'city 市级 / county 县级 / township 乡镇级 / village 村级';

/** A person's name, 1–50 characters once trimmed; the field label 名称 would read wrong for a person. */
function IsPersonName(): PropertyDecorator {
  const problem = (v: unknown) => (typeof v !== 'string' || !v ? '姓名不能为空' : v.length > 50 ? '姓名不能超过50字' : null);
  return (object: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isPersonName',
      target: object.constructor,
      propertyName: String(propertyName),
      validator: { validate: (v: unknown) => problem(v) === null, defaultMessage: (args) => problem(args?.value) ?? '姓名无效' },
    });
}

/** At most this many businesses in one assignment request. */
export const MAX_ASSIGN_AT_ONCE = 500;

export class LevelOverrideDto implements LevelOverrideRequest {
  @ApiProperty({ example: '150102', description: '区划代码（本辖区或其下级区域）' })
  @IsString()
  @IsRegionCode()
  regionCode!: string;

  @ApiProperty({ enum: GRADES, description: '风险等级' })
  @IsIn(GRADES)
  grade!: Grade;

  @ApiProperty({ enum: CADRE_LEVELS, nullable: true, description: `该区域该等级企业由哪一级包保干部包保（${LEVEL_HINT}）；null 取消本区域的设置` })
  @ValidateIf((o: LevelOverrideDto) => o.level !== null)
  @IsIn(CADRE_LEVELS)
  level!: CadreLevel | null;
}

export class CreateCadreDto implements CadreCreateRequest {
  @ApiProperty({ example: '张建国', description: '姓名（1–50字）' })
  @Trim()
  @IsPersonName()
  name!: string;

  @ApiProperty({ example: '13812340000', description: '手机号（登录账号，不能与其他账号重复）' })
  @IsString()
  @IsMobilePhone()
  phone!: string;

  @ApiProperty({ enum: CADRE_LEVELS, description: `包保层级（${LEVEL_HINT}）` })
  @IsIn(CADRE_LEVELS)
  level!: CadreLevel;

  @ApiProperty({ example: '150102001', description: '所属区域：市级填4位、县级6位、乡镇级9位、村级12位区划代码，须在本辖区内' })
  @IsString()
  @IsRegionCode()
  regionCode!: string;

  @ApiPropertyOptional({ example: '副镇长', nullable: true, description: '职务（选填）' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(50)
  title?: string | null;
}

export class UpdateCadreDto implements CadreUpdateRequest {
  @ApiPropertyOptional({ example: '镇长', nullable: true, description: '职务' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(50)
  title?: string | null;

  @ApiPropertyOptional({ description: 'false 停用账号：其包保的企业全部解除分配，成为未包保企业' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class ListCadresQuery extends PageQuery implements CadreListQuery {
  @ApiPropertyOptional({ example: '150102', description: '区划代码（限本辖区内）' })
  @IsOptional()
  @IsRegionCode()
  regionCode?: string;

  @ApiPropertyOptional({ enum: CADRE_LEVELS })
  @IsOptional()
  @IsIn(CADRE_LEVELS)
  level?: CadreLevel;

  @ApiPropertyOptional({ description: '姓名或手机号' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(50)
  q?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  active?: boolean;
}

export class CreateAssignmentDto implements AssignmentCreateRequest {
  @ApiProperty({ description: '包保干部ID' })
  @IsUUID(undefined)
  cadreId!: string;

  @ApiProperty({ type: [String], description: `分配给该干部的企业ID（1–${MAX_ASSIGN_AT_ONCE} 个）；已有包保干部的企业改由该干部包保` })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ASSIGN_AT_ONCE)
  @IsUUID(undefined, { each: true })
  enterpriseIds!: string[];
}

export class EndAssignmentDto implements AssignmentEndRequest {
  @ApiProperty({ example: '企业已注销', description: '解除原因（必填）' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  reason!: string;
}

export class ListAssignmentsQuery extends PageQuery implements AssignmentListQuery {
  @ApiPropertyOptional({ description: '包保干部ID' })
  @IsOptional()
  @IsUUID(undefined)
  cadreId?: string;

  @ApiPropertyOptional({ example: '150102', description: '企业所在区域（限本辖区内）' })
  @IsOptional()
  @IsRegionCode()
  regionCode?: string;
}

export class CoverageGapQueryDto extends PageQuery implements CoverageGapQuery {
  @ApiPropertyOptional({ example: '150102', description: '区划代码（限本辖区内）' })
  @IsOptional()
  @IsRegionCode()
  regionCode?: string;

  @ApiPropertyOptional({ enum: GRADES })
  @IsOptional()
  @IsIn(GRADES)
  grade?: Grade;
}

export class CreateCommitmentDto implements CommitmentCreateRequest {
  @ApiProperty({ example: 2026, description: '承诺年度：今年或上一年（北京时间）' })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @ApiProperty({ enum: ['signed', 'uploaded'], description: 'signed 在线签署（须 confirmed=true）；uploaded 上传签字盖章的扫描件（须 fileIds）' })
  @IsIn(['signed', 'uploaded'])
  method!: 'signed' | 'uploaded';

  @ApiPropertyOptional({ type: [String], description: '扫描件：本人以 POST /api/files 上传的文件ID（kind=document 或 photo），1–9 个' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(9)
  @IsUUID(undefined, { each: true })
  fileIds?: string[];

  @ApiPropertyOptional({ description: '在线签署时必须为 true：本人已阅读并承诺履行' })
  @IsOptional()
  @IsBoolean()
  confirmed?: boolean;
}

export class ListCommitmentsQuery extends PageQuery implements CommitmentListQuery {
  @ApiPropertyOptional({ example: '150102', description: '区划代码（限本辖区内）' })
  @IsOptional()
  @IsRegionCode()
  regionCode?: string;

  @ApiPropertyOptional({ example: 2026, description: '年度，默认今年（北京时间）' })
  @IsOptional()
  @DigitsToNumber()
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true：列出该年度尚未提交承诺书的包保干部' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  missing?: boolean;
}
