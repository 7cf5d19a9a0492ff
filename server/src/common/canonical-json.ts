// One serialisation for hashing: the idempotency request hash and the record-integrity chain.
// Its output must never change for a given value: stored records were hashed over it.
/** Canonical JSON (sorted keys) so key order doesn't make the same body look different. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      // As Array.prototype.join would: an element JSON cannot represent leaves an empty slot.
      out += canonicalJson(value[i]) ?? '';
    }
    return `${out}]`;
  }
  const obj = value as Record<string, unknown>;
  // Default sort = UTF-16 code unit order, the same order as comparing with `<`.
  const keys = Object.keys(obj).sort();
  let out = '{';
  let first = true;
  for (const k of keys) {
    const v = obj[k];
    if (v === undefined) continue;
    if (!first) out += ',';
    first = false;
    out += `${JSON.stringify(k)}:${canonicalJson(v)}`;
  }
  return `${out}}`;
}
