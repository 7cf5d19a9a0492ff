import { Init1764057600000 } from './1764057600000-init';

/** Every migration, in order. Never edit one that has landed: add a new one. */
export const MIGRATIONS = [Init1764057600000];
