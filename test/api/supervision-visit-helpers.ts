// What the supervision visit and statistics tests share: a county the demo data leaves empty, cadres
// and assignments written straight to the tables (as helper endpoints may not exist), a cadre's
// photo upload and a visit submission.
import { CadreLevel, Role, SUPERVISION_CHECKLIST } from '@shian/shared';
import { Enterprise } from '../../server/src/enterprises/enterprise.entity';
import { Region } from '../../server/src/regions/region.entity';
import { refreshEnterpriseRollup } from '../../server/src/stats/rollup-rebuild';
import { CadreAssignment } from '../../server/src/supervision/supervision.entities';
import { png } from '../support/images';
import { multipart } from '../support/multipart';
import { freshKey, insertUser, TestApp } from './harness';

/** A county of 呼和浩特 without demo businesses, with two townships that have villages. */
export async function emptyCounty(t: TestApp): Promise<{ county: string; townships: [string, string]; villages: [string, string] }> {
  const villages = await t.ds
    .getRepository(Region)
    .createQueryBuilder('r')
    .where('r.code LIKE :p', { p: '1501%' })
    .andWhere("r.level = 'village'")
    .andWhere('r.code NOT LIKE :a AND r.code NOT LIKE :b', { a: '150102%', b: '150103%' })
    .orderBy('r.code')
    .getMany();
  for (const v of villages) {
    const other = villages.find((w) => w.code.slice(0, 6) === v.code.slice(0, 6) && w.code.slice(0, 9) !== v.code.slice(0, 9));
    if (other) return { county: v.code.slice(0, 6), townships: [v.code.slice(0, 9), other.code.slice(0, 9)], villages: [v.code, other.code] };
  }
  throw new Error('no county with two townships in the bootstrap regions');
}

export async function insertCadre(t: TestApp, level: CadreLevel, regionCode: string, opts: { name?: string; active?: boolean } = {}): Promise<{ id: string; token: string; name: string }> {
  const u = await insertUser(t, { role: Role.Cadre, cadreLevel: level, regionCode, name: opts.name, active: opts.active });
  const token = opts.active === false ? '' : (await t.login(u.phone)).accessToken;
  return { id: u.id, token, name: u.name };
}

/** Gives the business to the cadre, as the assignment service would (the sums learn of it). */
export async function assign(t: TestApp, e: Enterprise, cadreId: string): Promise<void> {
  await t.ds.getRepository(CadreAssignment).insert(
    Object.assign(new CadreAssignment(), { enterpriseId: e.id, cadreId, regionCode: e.regionCode, grade: e.grade!, assignedBy: cadreId, assignedAt: new Date(), assignedDate: '2026-01-01' }),
  );
  await refreshEnterpriseRollup(t.ds.manager, e.id);
}

/** A photo uploaded by the token's owner (a cadre names the business it is of). */
export async function uploadPhoto(t: TestApp, token: string, enterpriseId?: string): Promise<{ status: number; id: string; body: any }> {
  const { payload, contentType } = multipart([
    { name: 'kind', value: 'photo' },
    ...(enterpriseId ? [{ name: 'enterpriseId', value: enterpriseId }] : []),
    { name: 'file', value: png(), filename: '现场.png', contentType: 'image/png' },
  ]);
  const res = await t.app.inject({ method: 'POST', url: '/api/files', headers: { 'content-type': contentType, authorization: `Bearer ${token}` }, payload });
  const body = JSON.parse(res.body);
  return { status: res.statusCode, id: body.id, body };
}

/** Every checklist item answered 符合. */
export function allYes(): Array<{ key: string; answer: 'yes' | 'no' | 'na'; note?: string | null }> {
  return SUPERVISION_CHECKLIST.map((i) => ({ key: i.key, answer: 'yes' as const }));
}

export function postVisit(t: TestApp, token: string, body: Record<string, unknown>, key: string = freshKey('visit')) {
  return t.request({ method: 'POST', url: '/api/supervision-visits', token, headers: { 'idempotency-key': key }, body });
}
