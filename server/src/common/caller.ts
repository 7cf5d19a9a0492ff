import { CadreLevel, Role } from '@shian/shared';

/** Who is calling: read from the verified access token. Services take it first. */
export interface Caller {
  id: string;
  name: string;
  role: Role;
  enterpriseId: string | null;
  regionCode: string | null;
  cadreLevel: CadreLevel | null;
}

export interface AccessTokenPayload {
  sub: string;
  name: string;
  role: Role;
  ent: string | null;
  reg: string | null;
  lvl: CadreLevel | null;
}

export function callerFromPayload(p: AccessTokenPayload): Caller {
  return { id: p.sub, name: p.name, role: p.role, enterpriseId: p.ent, regionCode: p.reg, cadreLevel: p.lvl };
}
