import { BusinessType } from '../../enums';
import { validateEnterpriseList, listFromTemplate } from '../enterprise-list';
import { DEFAULT_OWNER, QUALIFICATION_STAGE, RISK_TYPES } from '../labels';
import { RISK_THRESHOLDS } from '../thresholds';
import { RISK_LIST_TEMPLATES, templateFor } from '.';

const PREFIX: Record<BusinessType, string> = {
  [BusinessType.Catering]: 'CY',
  [BusinessType.Selling]: 'XS',
  [BusinessType.Production]: 'SC',
  [BusinessType.Canteen]: 'ST',
  [BusinessType.MealDistribution]: 'PS',
};
const HAN = /[\u4e00-\u9fff]/;

describe.each(Object.values(BusinessType))('%s template', (type) => {
  const template = templateFor(type);
  const daily = template.items.filter((i) => i.frequency === 'daily');
  const weekly = template.items.filter((i) => i.frequency === 'weekly');

  it('is the template for its own business type, with a Chinese title, revision and source', () => {
    expect(template).toBe(RISK_LIST_TEMPLATES[type]);
    expect(template.businessType).toBe(type);
    expect(template.title).toMatch(/风险管控清单/);
    expect(template.revision).toBeTruthy();
    expect(template.source).toContain('第60号');
  });

  it('has unique codes with its prefix, numbered D01… and W01… in order', () => {
    const codes = template.items.map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
    const p = PREFIX[type];
    expect(daily.map((i) => i.code)).toEqual(daily.map((_, n) => `${p}-D${String(n + 1).padStart(2, '0')}`));
    expect(weekly.map((i) => i.code)).toEqual(weekly.map((_, n) => `${p}-W${String(n + 1).padStart(2, '0')}`));
  });

  it('has a realistic number of daily and weekly items', () => {
    expect(daily.length).toBeGreaterThanOrEqual(15);
    expect(daily.length).toBeLessThanOrEqual(30);
    expect(weekly.length).toBeGreaterThanOrEqual(5);
    expect(weekly.length).toBeLessThanOrEqual(12);
  });

  it('opens with the qualification stage, for both frequencies', () => {
    expect(template.items[0].stage).toBe(QUALIFICATION_STAGE);
    expect(daily[0].stage).toBe(QUALIFICATION_STAGE);
    expect(weekly[0].stage).toBe(QUALIFICATION_STAGE);
  });

  it('keeps each stage together', () => {
    const stages = template.items.map((i) => i.stage).filter((s, n, all) => n === 0 || all[n - 1] !== s);
    expect(new Set(stages).size).toBe(stages.length);
  });

  it('fills every column with Chinese text and a known risk type', () => {
    for (const item of template.items) {
      for (const text of [item.stage, item.riskType, item.riskPoint, item.measure, item.method]) {
        expect(text.trim()).toBe(text);
        expect(text).toMatch(HAN);
      }
      expect(RISK_TYPES).toContain(item.riskType);
    }
  });

  it('gives daily items to the officer and weekly items to the director', () => {
    for (const item of template.items) expect(item.owner).toBe(DEFAULT_OWNER[item.frequency]);
  });

  it('is a valid enterprise list as it stands', () => {
    expect(validateEnterpriseList(listFromTemplate(template))).toEqual([]);
  });

  it('covers the licence, health certificates, incoming goods, storage and pests', () => {
    const all = template.items.map((i) => `${i.stage} ${i.riskPoint} ${i.measure}`).join('\n');
    for (const word of ['许可证', '健康证明', '进货查验', '离地离墙', '有害生物']) expect(all).toContain(word);
  });
});

describe('sector-specific content', () => {
  const text = (type: BusinessType) => templateFor(type).items.map((i) => `${i.stage} ${i.measure}`).join('\n');

  it('asks for retained samples where collective meals are served, with the configured figures', () => {
    const sample = `${RISK_THRESHOLDS.sampleMinGrams}克`;
    for (const type of [BusinessType.Catering, BusinessType.Canteen, BusinessType.MealDistribution]) {
      expect(text(type)).toContain(sample);
      expect(text(type)).toContain(`${RISK_THRESHOLDS.sampleMinHours}小时`);
    }
  });

  it('quotes the configured fridge and freezer temperatures', () => {
    for (const type of [BusinessType.Catering, BusinessType.Canteen, BusinessType.MealDistribution, BusinessType.Selling]) {
      expect(text(type)).toContain(`${RISK_THRESHOLDS.chilledMinC}–${RISK_THRESHOLDS.chilledMaxC}℃`);
      expect(text(type)).toContain(`${RISK_THRESHOLDS.frozenMaxC}℃`);
    }
  });

  it('puts additives under 五专 for the kitchens', () => {
    for (const type of [BusinessType.Catering, BusinessType.Canteen, BusinessType.MealDistribution]) expect(text(type)).toContain('五专');
  });

  it('covers the producer’s own controls', () => {
    const production = text(BusinessType.Production);
    for (const word of ['关键控制点', '出厂检验', '不合格', '追溯', '标签', '原辅料']) expect(production).toContain(word);
  });

  it('covers the seller’s expiry, bulk-food and special-food checks', () => {
    const selling = text(BusinessType.Selling);
    for (const word of ['保质期', '散装食品', '保健食品']) expect(selling).toContain(word);
  });

  it('covers delivery time and temperature for meal distribution', () => {
    expect(text(BusinessType.MealDistribution)).toContain('食用时限');
    expect(text(BusinessType.MealDistribution)).toContain(`${RISK_THRESHOLDS.hotHoldMinC}℃以上`);
  });

  it('covers 陪餐 for canteens', () => {
    expect(text(BusinessType.Canteen)).toContain('陪餐');
  });
});
