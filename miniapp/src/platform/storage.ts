import Taro from '@tarojs/taro';

// Typed wrappers over Taro storage (localStorage on H5, wx storage on weapp). Storage can fail
// (quota, private mode); callers never see a throw from here.

export function readJson<T>(key: string): T | null {
  try {
    const raw: unknown = Taro.getStorageSync(key);
    if (raw === '' || raw === undefined || raw === null) return null;
    if (typeof raw === 'string') return JSON.parse(raw) as T;
    return raw as T;
  } catch {
    return null;
  }
}

export function writeJson(key: string, value: unknown): void {
  try {
    Taro.setStorageSync(key, JSON.stringify(value));
  } catch {
    // Nothing sensible to do: the value is simply not persisted.
  }
}

export function removeKey(key: string): void {
  try {
    Taro.removeStorageSync(key);
  } catch {
    // ignore
  }
}
