import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { REGION_CODE_COLUMN } from '../database/columns';

/** A GB/T 2260 administrative division (province … village). */
@Entity('regions')
export class Region {
  @PrimaryColumn(REGION_CODE_COLUMN)
  code!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'varchar', length: 10 })
  level!: string;

  @Index('IDX_regions_parent_code')
  @Column({ ...REGION_CODE_COLUMN, nullable: true })
  parentCode!: string | null;
}
