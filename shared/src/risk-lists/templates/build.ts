import { DEFAULT_OWNER, type RiskType } from '../labels';
import type { ControlFrequency, RiskControlItem } from '../types';

/** One row of a template: the columns of SAMR's list after 环节 (which the stage gives). */
export type TemplateRow = readonly [code: string, riskType: RiskType, riskPoint: string, measure: string, method: string];

const TEMPLATE_CODE = /^(CY|XS|SC|ST|PS)-([DW])\d{2}$/;

/**
 * Items of one 环节. Frequency and owner follow from the code ('CY-D01' daily → officer,
 * 'CY-W01' weekly → director), so a row cannot say one thing in its code and another in its fields.
 */
export function stage(name: string, rows: readonly TemplateRow[]): RiskControlItem[] {
  return rows.map(([code, riskType, riskPoint, measure, method]) => {
    const match = TEMPLATE_CODE.exec(code);
    if (!match) throw new Error(`模板编号「${code}」格式不正确`);
    const frequency: ControlFrequency = match[2] === 'D' ? 'daily' : 'weekly';
    return { code, stage: name, riskType, riskPoint, measure, method, frequency, owner: DEFAULT_OWNER[frequency] };
  });
}
