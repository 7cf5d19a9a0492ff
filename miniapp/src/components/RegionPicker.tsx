import { useEffect, useState } from 'react';
import { ScrollView, Text, View } from '@tarojs/components';
import { Loading, Popup } from '@nutui/nutui-react-taro';
import { RegionLevel, type RegionDto } from '@shian/shared';
import { api, errorMessage } from '../api';
import './RegionPicker.css';

/** What each step of the cascade asks for, province → village (GB/T 2260 levels). */
const STEP_NAMES = ['省（自治区、直辖市）', '市', '区县', '乡镇（街道）', '村（社区）'];
const SHORT_NAMES = ['省', '市', '区县', '乡镇', '村（社区）'];

export interface RegionValue {
  code: string;
  /** Names from the province down to the village. */
  names: string[];
}

export interface RegionPickerProps {
  value: RegionValue | null;
  onChange: (value: RegionValue) => void;
  /** The popup closed (with or without a pick): the field counts as visited. */
  onClose?: () => void;
  /** Start below this region (an official's own): nothing above it is offered. */
  root?: { code: string; name: string };
  /** Any level may be picked (a filter), not only a village (an address). */
  anyLevel?: boolean;
  placeholder?: string;
  title?: string;
}

/** The step below a region, by its code's length (GB/T 2260: 2, 4, 6, 9, 12 digits). */
const stepBelow = (code: string | undefined): number => (code ? [2, 4, 6, 9].indexOf(code.length) + 1 : 0);

/**
 * 所在地区: province → city → county → township → village, each level loaded from the real
 * division data (GET /api/regions) as it is reached. Tapping a level in the path goes back to it.
 */
export function RegionPicker({ value, onChange, onClose, root, anyLevel, placeholder = '请选择省 / 市 / 区县 / 乡镇 / 村（社区）', title = '选择所在地区' }: RegionPickerProps) {
  const [open, setOpen] = useState(false);
  const top: RegionDto[] = root ? [{ code: root.code, name: root.name } as RegionDto] : [];
  const [path, setPath] = useState<RegionDto[]>(top);
  const [options, setOptions] = useState<RegionDto[]>([]);
  const [loading, setLoading] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const parentCode = path.length ? path[path.length - 1].code : undefined;

  useEffect(() => {
    if (!open) return undefined;
    let alive = true;
    setLoading(true);
    setLoadError(null);
    api.regions
      .children(parentCode)
      .then((rows) => {
        if (alive) setOptions(rows);
      })
      .catch((e: unknown) => {
        if (alive) setLoadError(errorMessage(e));
      })
      .finally(() => {
        if (alive) setLoading(false);
      });
    return () => {
      alive = false;
    };
  }, [open, parentCode, attempt]);

  function close() {
    setOpen(false);
    onClose?.();
  }

  function pick(region: RegionDto) {
    if (region.level === RegionLevel.Village) {
      // The path stays at the township, so reopening offers its villages again.
      onChange({ code: region.code, names: [...path, region].map((r) => r.name) });
      close();
      return;
    }
    setOptions([]);
    setPath([...path, region]);
  }

  const step = Math.min(stepBelow(parentCode), STEP_NAMES.length - 1);
  const here = path.length ? path[path.length - 1] : null;

  function pickHere() {
    if (!here) return;
    onChange({ code: here.code, names: path.map((r) => r.name) });
    close();
  }
  const chosen = path.length > 0 && value && value.code.startsWith(path[path.length - 1].code) ? value.code : null;

  return (
    <>
      <View className="form-field__select" onClick={() => setOpen(true)}>
        {value ? (
          <Text>{value.names.join(' / ')}</Text>
        ) : (
          <Text className="form-field__select-placeholder">{placeholder}</Text>
        )}
        <Text className="form-field__select-arrow">›</Text>
      </View>
      <Popup className="region-picker__popup" visible={open} position="bottom" round closeable title={title} onClose={close} destroyOnClose>
        <View className="region-picker">
          <View className="region-picker__path">
            {path.map((r, i) => (
              <Text key={r.code} className="region-picker__crumb" onClick={() => setPath(path.slice(0, Math.max(i, top.length)))}>
                {r.name}
              </Text>
            ))}
            <Text className="region-picker__crumb region-picker__crumb--current">{`请选择${SHORT_NAMES[step]}`}</Text>
          </View>
          <View className="region-picker__step">{`选择${STEP_NAMES[step]}`}</View>
          {anyLevel && here ? (
            <View className="region-picker__option region-picker__option--here" onClick={pickHere}>
              {`全部：${here.name}`}
            </View>
          ) : null}
          <ScrollView scrollY className="region-picker__list">
            {loading ? (
              <View className="region-picker__state">
                <Loading type="spinner" />
              </View>
            ) : loadError ? (
              <View className="region-picker__state">
                <View className="error-text">{loadError}</View>
                <View className="link region-picker__retry" onClick={() => setAttempt((n) => n + 1)}>
                  重试
                </View>
              </View>
            ) : options.length === 0 ? (
              <View className="region-picker__state muted">暂无下级区划</View>
            ) : (
              options.map((r) => (
                <View
                  key={r.code}
                  className={`region-picker__option${chosen === r.code ? ' region-picker__option--chosen' : ''}`}
                  onClick={() => pick(r)}
                >
                  {r.name}
                </View>
              ))
            )}
          </ScrollView>
        </View>
      </Popup>
    </>
  );
}
