import { useEffect, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Input, Loading } from '@nutui/nutui-react-taro';
import type { PublicEnterpriseSearchItem } from '@shian/shared';
import { api, errorMessage } from '../../../api';
import './EnterpriseSearch.css';

const DEBOUNCE_MS = 350;
const MIN_CHARS = 2;

export interface EnterpriseSearchProps {
  onPick: (item: PublicEnterpriseSearchItem) => void;
  onBlur?: () => void;
  disabled?: boolean;
}

/** 被投诉举报的企业: type part of its name, pick it from the registered businesses found. */
export function EnterpriseSearch({ onPick, onBlur, disabled }: EnterpriseSearchProps) {
  const [q, setQ] = useState('');
  const [items, setItems] = useState<PublicEnterpriseSearchItem[] | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);
  const text = q.trim();

  useEffect(() => {
    const mine = ++seq.current;
    setError(null);
    if (text.length < MIN_CHARS) {
      setItems(null);
      setLoading(false);
      return undefined;
    }
    setLoading(true);
    const timer = setTimeout(() => {
      api.public
        .searchEnterprises(text)
        .then((found) => {
          if (mine === seq.current) setItems(found);
        })
        .catch((e: unknown) => {
          if (mine === seq.current) {
            setItems(null);
            setError(errorMessage(e));
          }
        })
        .finally(() => {
          if (mine === seq.current) setLoading(false);
        });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  return (
    <View className="pub-search">
      <Input name="enterpriseSearch" value={q} placeholder="输入企业名称搜索，如 青城味道" maxLength={50} clearable disabled={disabled} onChange={setQ} onBlur={() => onBlur?.()} />
      {loading ? (
        <View className="pub-search__state">
          <Loading type="spinner" />
          <Text className="pub-search__state-text">搜索中…</Text>
        </View>
      ) : error ? (
        <View className="error-text">{error}</View>
      ) : items && items.length === 0 ? (
        <View className="pub-search__state muted">{`没有找到名称含「${text}」的企业`}</View>
      ) : items ? (
        <View className="pub-search__list">
          {items.map((item) => (
            <View key={item.id} className="pub-search__item" onClick={() => onPick(item)}>
              <View className="pub-search__name">{item.name}</View>
              <View className="pub-search__address">{item.address}</View>
            </View>
          ))}
        </View>
      ) : text.length > 0 ? (
        <View className="pub-search__state muted">{`请至少输入${MIN_CHARS}个字`}</View>
      ) : null}
    </View>
  );
}
