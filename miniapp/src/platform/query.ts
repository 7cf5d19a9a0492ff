// Taro-free helpers for page parameters (unit-testable without the Taro runtime).

/** A query value, decoded once whether or not the router already did. */
export function queryText(v: string | undefined): string {
  try {
    return decodeURIComponent(v ?? '');
  } catch {
    return v ?? '';
  }
}
