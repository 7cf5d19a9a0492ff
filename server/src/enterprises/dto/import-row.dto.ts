import { IsEnum, IsString } from 'class-validator';
import { Grade } from '@shian/shared';
import { IsStrictLicenceNo } from '../../common/decorators';
import { EnterpriseBaseDto } from './enterprise-fields.dto';

/** One row of an imported workbook, after its cells are read: checked like a registration, with the grade. */
export class ImportRowDto extends EnterpriseBaseDto {
  @IsString()
  @IsStrictLicenceNo()
  licenceNo!: string;

  @IsEnum(Grade)
  grade!: Grade;
}
