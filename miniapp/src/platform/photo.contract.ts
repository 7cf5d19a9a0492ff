// Type-only check that photo.weapp.ts and photo.h5.ts export exactly the values photo.d.ts
// declares, with the same types. Nothing imports this file, so it never reaches a bundle;
// `npm run typecheck` fails on a mismatch.
import type * as Contract from './photo';
import type * as H5 from './photo.h5';
import type * as Weapp from './photo.weapp';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Matches<M> = Same<keyof M, keyof typeof Contract> extends true
  ? { [K in keyof typeof Contract]: K extends keyof M ? Same<M[K], (typeof Contract)[K]> : false }[keyof typeof Contract] extends true
    ? true
    : false
  : false;

export const weappMatchesContract: Matches<typeof Weapp> = true;
export const h5MatchesContract: Matches<typeof H5> = true;
