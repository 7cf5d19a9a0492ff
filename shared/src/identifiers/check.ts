/**
 * What a validator that explains itself returns: the normalised value and what it encodes, or a
 * Chinese reason fit to show beside the field (「校验位不正确」).
 */
export type IdentifierCheck<T> = { ok: true; value: T } | { ok: false; reason: string };
